"""The workbench page and the HTTP API (``aigc-kb serve``).

:func:`create_app` builds the application; :mod:`.work` is what each endpoint
computes, :mod:`.pool` the engine worker processes, :mod:`.schemas` the
versioned JSON Schemas of the answers.  The page's scripts are built from
``web/`` into ``static/`` (``make web``) and committed, so that installing the
package needs no Node.js.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
