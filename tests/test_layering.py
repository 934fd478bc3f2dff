"""The core never imports Qt: every package but mediator.ui imports with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import mediator

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError(f'Qt is not allowed here: {name}')
        return None
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]
print('ok', len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    root = Path(mediator.__file__).parent
    names = []
    for info in pkgutil.walk_packages([str(root)], prefix="mediator."):
        if (info.name.startswith("mediator.ui") or ".migrations" in info.name
                or info.name == "mediator.__main__"):
            continue
        names.append(info.name)
    return names


def test_core_imports_without_qt() -> None:
    names = core_modules()
    assert "mediator.store.models" in names and "mediator.cli" in names
    out = subprocess.run([sys.executable, "-c", BLOCKER, *names], capture_output=True,
                         text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ok")
