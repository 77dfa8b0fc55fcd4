"""``aigc-kb serve``: the workbench page and the HTTP API on a local port.

Open http://127.0.0.1:8000/ for the page; the API is under ``/api/v1`` and
its OpenAPI document at ``/openapi.json``.  The
server listens on localhost only unless ``--host`` is given.  Engine calls run
in ``--workers`` processes, each with its own engine and the limits given.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.errors import InputError
from ._common import EXIT_OK

NAME = "serve"
HELP = "the workbench page and the HTTP API (default http://127.0.0.1:8000/)"
DEFAULT_HOST = "127.0.0.1"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=None,
                        help=f"address to listen on (default {DEFAULT_HOST}, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="engine worker processes, each answering one request at a time (default 2)")


def run(kb: Any, args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..server.app import create_app
    except ImportError as err:  # pragma: no cover - the dependencies are required
        raise InputError.single("<command line>", None, f"the server needs {err.name}: pip install aigc-kb") from None
    if args.workers < 1:
        raise InputError.single("<command line>", None, "--workers must be at least 1")
    if not 0 < args.port < 65536:
        raise InputError.single("<command line>", None, f"--port {args.port}: expected 1 to 65535")
    host = args.host or DEFAULT_HOST
    if args.host is not None:
        print(f"aigc-kb: warning: listening on {host}: anyone who can reach this address can use the "
              "server (it has no authentication)", file=sys.stderr)
    app = create_app(kb, workers=args.workers, kb_dir=args.kb)
    print(f"aigc-kb: serving on http://{host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=args.port, log_level="warning")
    return EXIT_OK
