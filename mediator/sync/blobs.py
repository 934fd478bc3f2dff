"""Blob transfer of the desktop engine: attachments and signed PDFs, by SHA-256.

Uploads go before the rows that refer to them and resume where the server's
partial copy ends; downloads resume from ``tmp/<sha>.part`` and become visible
(renamed into ``blobs/ab/abcdef…``) only once their hash checks.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mediator.paths import DataDir
from mediator.store.database import Database
from mediator.store.models import Agreement, Attachment
from mediator.sync.client import ServerRefused
from mediator.sync.protocol import BLOB_CHUNK_BYTES

log = logging.getLogger(__name__)

Call = Callable[..., Any]  # (method, path, **kw) -> answer, authenticated


def blob_file(data_dir: DataDir, sha: str) -> Path:
    return data_dir.blobs / sha[:2] / sha


def blob_refs(entity: str, data: dict[str, Any]) -> list[str]:
    """The blobs a row refers to."""
    if entity == "attachment" and data.get("sha256"):
        return [str(data["sha256"])]
    if entity == "agreement" and data.get("signed_blob"):
        return [str(data["signed_blob"])]
    return []


def upload(call: Call, data_dir: DataDir, changes: list[dict[str, Any]]) -> int:
    """Send the blobs ``changes`` refer to that the server lacks; how many were sent."""
    sent = 0
    for c in changes:
        if c["deleted"]:
            continue
        for sha in blob_refs(c["entity"], c["data"]):
            path = blob_file(data_dir, sha)
            if not path.exists():
                continue  # the server answers missing_blob; the row waits
            status = call("GET", f"/blobs/{sha}/status")
            if status["complete"]:
                continue
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha:
                log.error("local blob does not match its hash; not uploaded")
                continue
            offset = int(status["received"]) if status["size"] == len(data) else 0
            while True:
                chunk = data[offset:offset + BLOB_CHUNK_BYTES]
                status = call("PUT", f"/blobs/{sha}", content=chunk,
                              params={"offset": offset, "size": len(data)})
                offset = int(status["received"])
                if status["complete"] or not chunk:
                    break
            sent += 1
    return sent


def download(call: Call, db: Database) -> int:
    """Fetch every referred blob missing here; how many arrived complete."""
    data_dir = db.data_dir
    with db.read() as s:
        wanted = set(s.execute(select(Attachment.sha256)
                               .where(Attachment.deleted.is_(False))).scalars())
        wanted |= {sha for sha in s.execute(select(Agreement.signed_blob)
                                            .where(Agreement.deleted.is_(False))).scalars()
                   if sha}
    arrived = 0
    for sha in sorted(wanted):
        final = blob_file(data_dir, sha)
        if final.exists():
            continue
        part = data_dir.tmp / f"{sha}.part"
        offset = part.stat().st_size if part.exists() else 0
        try:
            data = call("GET", f"/blobs/{sha}", params={"offset": offset})
        except ServerRefused as exc:
            if exc.status == 404:
                continue  # not complete on the server yet
            raise
        with part.open("ab") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if hashlib.sha256(part.read_bytes()).hexdigest() != sha:
            part.unlink()
            log.warning("downloaded blob failed its hash check; will fetch again")
            continue
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)
        arrived += 1
    return arrived
