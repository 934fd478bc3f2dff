"""Server failpoints for the fault-injection tests.

``MEDIATOR_SERVER_FAILPOINTS="push_after_commit=2"`` makes the server process
die (``os._exit``) the 2nd time it passes that point: after the push committed,
before the answer left.  Unset in production: :func:`hit` is then a dict lookup.
"""

from __future__ import annotations

import os
import threading

_lock = threading.Lock()
_armed: dict[str, int] = {}
for _item in filter(None, os.environ.get("MEDIATOR_SERVER_FAILPOINTS", "").split(",")):
    _name, _, _n = _item.partition("=")
    _armed[_name.strip()] = int(_n or "1")


def hit(name: str) -> None:
    if name not in _armed:
        return
    with _lock:
        _armed[name] -= 1
        if _armed[name] <= 0:
            os._exit(17)
