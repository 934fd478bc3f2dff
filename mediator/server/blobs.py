"""The blob store: attachments and signed PDFs, per studio, by SHA-256.

A blob is uploaded in chunks to ``<root>/<studio>/partial/<sha>`` (resumable: the
server says how many bytes it holds) and becomes visible only when all bytes are
there and their SHA-256 is the name: then it is renamed into place atomically.
A complete blob is never replaced; a partial one with a wrong hash is discarded.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy.orm import Session

from mediator.server.db import ServerDB
from mediator.server.feed import FeedError
from mediator.server.models import Blob
from mediator.sync.protocol import MAX_BLOB_BYTES, SHA256_RE, BlobStatus


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def final(self, studio_id: str, sha: str) -> Path:
        return self.root / studio_id / sha[:2] / sha

    def partial(self, studio_id: str, sha: str) -> Path:
        return self.root / studio_id / "partial" / sha

    def _check(self, sha: str) -> None:
        if not SHA256_RE.match(sha):
            raise FeedError(400, "bad_hash", "文件标识不是有效的 SHA-256。")

    def status(self, db: ServerDB, studio_id: str, sha: str) -> BlobStatus:
        self._check(sha)
        with db.read() as s:
            blob = s.get(Blob, (studio_id, sha))
            if blob is None:
                return BlobStatus(sha256=sha, received=0, size=0, complete=False)
            return self._status(blob)

    def _status(self, blob: Blob) -> BlobStatus:
        if blob.complete:
            return BlobStatus(sha256=blob.sha256, received=blob.size, size=blob.size,
                              complete=True)
        part = self.partial(blob.studio_id, blob.sha256)
        received = part.stat().st_size if part.exists() else 0
        return BlobStatus(sha256=blob.sha256, received=received, size=blob.size, complete=False)

    def put_chunk(self, db: ServerDB, studio_id: str, sha: str, *, size: int, offset: int,
                  body: bytes) -> BlobStatus:
        self._check(sha)
        if not 0 <= size <= MAX_BLOB_BYTES:
            raise FeedError(413, "too_large", "文件过大，超过服务器允许的上限。")
        with db.write() as s:
            blob = s.get(Blob, (studio_id, sha))
            if blob is None:
                blob = Blob(studio_id=studio_id, sha256=sha, size=size, complete=False)
                s.add(blob)
            if blob.complete:
                return self._status(blob)
            if blob.size != size:
                raise FeedError(409, "size_mismatch", "文件大小与先前上传的不一致。")
            st = self._status(blob)
            if offset < st.received and offset + len(body) <= st.received:
                return st  # a chunk delivered twice: already stored (the hash checks it)
            if offset != st.received:
                raise FeedError(409, "bad_offset",
                                f"续传位置不对：服务器已收到 {st.received} 字节。")
            if offset + len(body) > size:
                raise FeedError(400, "too_long", "上传的数据超过声明的文件大小。")
            part = self.partial(studio_id, sha)
            part.parent.mkdir(parents=True, exist_ok=True)
            with part.open("ab") as f:
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
            if offset + len(body) == size:
                self._finish(s, blob, part)
            return self._status(blob)

    def _finish(self, s: Session, blob: Blob, part: Path) -> None:
        h = hashlib.sha256()
        with part.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != blob.sha256:
            part.unlink()  # the bad bytes are gone; the upload starts again from 0
            raise _HashMismatch()
        final = self.final(blob.studio_id, blob.sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)
        blob.complete = True

    def read(self, db: ServerDB, studio_id: str, sha: str, offset: int = 0) -> bytes:
        self._check(sha)
        with db.read() as s:
            blob = s.get(Blob, (studio_id, sha))
            if blob is None or not blob.complete:  # invisible until complete
                raise FeedError(404, "no_blob", "服务器上没有这个文件。")
        with self.final(studio_id, sha).open("rb") as f:
            f.seek(offset)
            return f.read()


class _HashMismatch(FeedError):
    def __init__(self) -> None:
        super().__init__(409, "hash_mismatch", "文件内容与其 SHA-256 不符，已丢弃，请重新上传。")
