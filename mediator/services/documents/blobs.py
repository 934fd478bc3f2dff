"""Content-addressed files under the data dir: ``blobs/ab/abcdef…`` (SHA-256).

Signed agreements and scanned originals are immutable: a blob is written once
(temporary file, fsync, rename), never changed, and read back with its hash
checked, so a damaged disk never hands out a wrong "signed" file.  Same layout
as the sync engine's downloads.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mediator.documents.builder import write_atomic
from mediator.errors import StorageError
from mediator.paths import DataDir


def blob_path(data_dir: DataDir, sha256: str) -> Path:
    return data_dir.blobs / sha256[:2] / sha256


def put_blob(data_dir: DataDir, data: bytes) -> str:
    """Store ``data`` (if not there yet) and return its SHA-256 hex digest."""
    sha = hashlib.sha256(data).hexdigest()
    path = blob_path(data_dir, sha)
    if path.exists() and _digest_of(path) == sha:
        return sha
    write_atomic(path, data)
    return sha


def read_blob(data_dir: DataDir, sha256: str) -> bytes:
    path = blob_path(data_dir, sha256)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise StorageError("本机找不到已签署文件（可能尚未从服务器同步下来）") from exc
    except OSError as exc:
        raise StorageError(f"无法读取已签署文件（{exc.strerror}）") from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise StorageError("已签署文件已损坏（校验值不符），请从备份或服务器恢复")
    return data


def _digest_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
