"""``aigc-kb serve``: listens on localhost by default, warns when told to listen elsewhere, refuses bad options."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT, run_cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _serve(*options: str) -> tuple[str, str]:
    """Start the server, fetch the page once it answers, stop it: (page, what it printed on stderr)."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "aigc_kb", "serve", "--port", str(port), "--workers", "1",
                                *options], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    return page, err


def test_serve_listens_on_localhost_and_warns_only_when_a_host_is_given() -> None:
    page, err = _serve()
    assert "<title>aigc-kb workbench</title>" in page
    assert "warning" not in err and "http://127.0.0.1:" in err
    _, err = _serve("--host", "127.0.0.1")
    assert "aigc-kb: warning: listening on 127.0.0.1" in err


@pytest.mark.parametrize("options,message", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--port", "70000"], "--port 70000"),
])
def test_serve_refuses_bad_options_in_one_line(options: list[str], message: str) -> None:
    done = run_cli("serve", *options)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [f"aigc-kb: <command line>: {done.stderr.split(': ', 2)[2].strip()}"]
    assert message in done.stderr
