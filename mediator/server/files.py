"""The server's own files are readable by its user only.

The data dir holds every studio's cases: the SQLite database (and its ``-wal``
and ``-shm`` files, which hold recent commits), the blobs (scans, signed PDFs)
and the district CA's key.  The process creates everything with umask 077
(files 0600, directories 0700), and at start tightens what an older server left
group- or world-readable (it made them 0644 in a 0755 directory).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
UMASK = 0o077


def _tighten(path: Path, mode: int) -> None:
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        return  # a link's target is the administrator's choice
    if stat.S_IMODE(st.st_mode) & ~mode:
        os.chmod(path, stat.S_IMODE(st.st_mode) & mode)


def make_private(data_dir: Path) -> None:
    """Set this process's umask to 077 and make ``data_dir`` and what is in it
    private.  Blobs are walked only while their directory is not yet private (a
    server started before this rule): once, not at every start."""
    os.umask(UMASK)
    data_dir.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _tighten(data_dir, DIR_MODE)
    for child in data_dir.iterdir():
        if child.is_file():
            _tighten(child, FILE_MODE)
    blobs = data_dir / "blobs"
    if blobs.is_dir() and stat.S_IMODE(blobs.stat().st_mode) & ~DIR_MODE:
        for root, dirs, files in os.walk(blobs):
            for name in files:
                _tighten(Path(root) / name, FILE_MODE)
            for name in dirs:
                _tighten(Path(root) / name, DIR_MODE)
        _tighten(blobs, DIR_MODE)
