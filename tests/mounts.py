"""Real failing storage for tests: a small tmpfs (fills up for real) that can be
remounted read-only.  Needs root and mount(8): the tests skip where neither is
available instead of faking the failure."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextmanager
def tmpfs(where: Path, size: str = "16m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` at ``where``; unmounted afterwards."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount(8) for a real small or read-only disk")
    where.mkdir(parents=True, exist_ok=True)
    out = _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where))
    if out.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {out.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def remount_read_only(where: Path) -> None:
    out = _mount("-o", "remount,ro", str(where))
    assert out.returncode == 0, out.stderr


def fill_up(where: Path) -> None:
    """Write a filler file until the disk is full for real (ENOSPC)."""
    for name, size in (("filler.bin", 64 * 1024), ("filler2.bin", 512)):  # then the last bytes
        with open(where / name, "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError:
                pass
