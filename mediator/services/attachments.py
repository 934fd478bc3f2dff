"""Attachments (附件): photos and scans of evidence, identity papers, proof of payment.

Files are stored content-addressed under ``DataDir.blobs/ab/abcdef…`` by their
SHA-256 — the layout the sync engine uploads from — written to a temporary file
in ``DataDir.tmp`` first, fsynced and renamed into place, so a crash never
leaves a half-written blob under a valid name.  The same photo added twice is
stored once.  Blobs are immutable: removing an attachment tombstones its row
and keeps the file (another row, or a synced copy, may refer to it).

Refused with a Chinese message: files over :data:`MAX_BYTES`, empty or
unreadable files, and anything that is not a photo or a PDF scan.  The audit
event records the kind, size and type, never the file name (names of files are
often names of people).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path

from sqlalchemy import select

from mediator.domain.lifecycle import RecordKind, check_can_record, check_not_archived
from mediator.domain.status import CaseStatus
from mediator.errors import NotFoundError, StorageError, ValidationError
from mediator.paths import DataDir
from mediator.services.workflow.base import Context, entity_name
from mediator.services.workflow.dto import AttachmentView
from mediator.store import audit, outbox
from mediator.store.database import Database
from mediator.store.models import Attachment, Case

MAX_BYTES = 20 * 1024 * 1024
CHUNK = 1024 * 1024
MAX_NAME = 255

ATTACHMENT_KINDS = ("evidence", "identity", "proof", "scan")
ATTACHMENT_KIND_LABELS_ZH = {"evidence": "证据材料", "identity": "身份证明",
                             "proof": "履行凭证", "scan": "其他扫描件"}

# (magic prefix, mime); WEBP and HEIC need a second look at bytes 8-12.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"%PDF-", "application/pdf"),
)


def sniff_mime(head: bytes) -> str | None:
    """The file type from its first bytes (never from its name), or None if not accepted."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heif"):
        return "image/heic"
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    return None


def blob_path(data_dir: DataDir, sha256: str) -> Path:
    return data_dir.blobs / sha256[:2] / sha256


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}"


class AttachmentService:
    def __init__(self, db: Database, context: Context, data_dir: DataDir) -> None:
        self._db = db
        self._context = context
        self._dir = data_dir

    def add(self, case_id: str, source: Path, kind: str = "evidence") -> AttachmentView:
        """Store ``source`` as an attachment of the case; returns what was stored."""
        if kind not in ATTACHMENT_KINDS:
            raise ValidationError("附件类别不存在", field="kind")
        name = source.name[:MAX_NAME] or "附件"
        sha, size, mime = self._store_blob(source)
        studio, mediator = self._context()
        with self._db.write() as s:
            case = s.execute(select(Case).where(Case.id == case_id, Case.deleted.is_(False))
                             ).scalar_one_or_none()
            if case is None:
                raise NotFoundError("找不到这个案件，可能已被删除。")
            check_not_archived(CaseStatus(case.status))
            check_can_record(CaseStatus(case.status), RecordKind.ATTACHMENT)
            row = Attachment(studio_id=studio.id, case_id=case_id, sha256=sha, filename=name,
                             mime=mime, size=size, kind=kind)
            s.add(row)
            s.flush()
            outbox.enqueue(s, entity_name(row), row.id)
            audit.record(s, studio_id=studio.id, actor=mediator.id, action="attachment.add",
                         entity="attachment", entity_id=row.id,
                         detail={"kind": kind, "size": size, "mime": mime})
            return AttachmentView(row.id, row.filename, row.mime, row.size, row.kind,
                                  row.sha256, row.created_at)

    def remove(self, case_id: str, attachment_id: str) -> None:
        """Tombstone the attachment (the blob stays: blobs are immutable and shared)."""
        studio, mediator = self._context()
        with self._db.write() as s:
            row = s.get(Attachment, attachment_id)
            if row is None or row.case_id != case_id or row.deleted:
                raise NotFoundError("找不到这个附件，可能已被删除。")
            case = s.execute(select(Case).where(Case.id == case_id)).scalar_one()
            check_not_archived(CaseStatus(case.status))
            check_can_record(CaseStatus(case.status), RecordKind.ATTACHMENT)
            row.deleted = True
            row.updated_at = dt.datetime.now(dt.UTC)
            outbox.enqueue(s, "attachment", row.id)
            audit.record(s, studio_id=studio.id, actor=mediator.id, action="attachment.remove",
                         entity="attachment", entity_id=row.id, detail={"kind": row.kind})

    def list(self, case_id: str) -> list[AttachmentView]:
        with self._db.read() as s:
            return [AttachmentView(a.id, a.filename, a.mime, a.size, a.kind, a.sha256,
                                   a.created_at)
                    for a in s.execute(select(Attachment).where(
                        Attachment.case_id == case_id, Attachment.deleted.is_(False))
                        .order_by(Attachment.created_at)).scalars()]

    def path(self, sha256: str) -> Path:
        """Where the blob of an attachment is (for thumbnails and opening)."""
        return blob_path(self._dir, sha256)

    # ------------------------------------------------------------------ blobs
    def _store_blob(self, source: Path) -> tuple[str, int, str]:
        try:
            st = source.stat()
        except OSError as exc:
            raise ValidationError("无法读取这个文件，请确认文件存在且未被其他程序占用。",
                                  field="file") from exc
        if not stat.S_ISREG(st.st_mode):  # a folder, a device, a pipe: never opened
            raise ValidationError("这不是一个普通文件（可能是文件夹或设备），无法添加。",
                                  field="file")
        size = st.st_size
        if size > MAX_BYTES:
            raise ValidationError(
                f"文件太大（{_mb(size)} MB），附件不能超过 {MAX_BYTES // 1024 // 1024} MB。"
                "请把照片缩小或分页扫描后再添加。", field="file")
        if size == 0:
            raise ValidationError("这个文件是空的，无法添加。", field="file")
        self._dir.tmp.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        tmp = self._dir.tmp / f"attach-{os.getpid()}-{id(digest):x}.part"
        total = 0
        mime: str | None = None
        try:
            with source.open("rb") as src, tmp.open("wb") as out:
                while chunk := src.read(CHUNK):
                    if mime is None:
                        mime = sniff_mime(chunk[:16])
                        if mime is None:
                            raise ValidationError(
                                "只能添加照片（JPG、PNG、HEIC 等）或 PDF 扫描件，"
                                "这个文件无法识别。", field="file")
                    total += len(chunk)
                    if total > MAX_BYTES:
                        raise ValidationError(
                            f"文件太大，附件不能超过 {MAX_BYTES // 1024 // 1024} MB。",
                            field="file")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        except ValidationError:
            tmp.unlink(missing_ok=True)
            raise
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if source.exists() and not _readable(source):
                raise ValidationError("无法读取这个文件，请确认有权限打开它。",
                                      field="file") from exc
            raise StorageError("附件未能保存（磁盘已满或数据目录不可写）。") from exc
        if mime is None:
            tmp.unlink(missing_ok=True)
            raise ValidationError("这个文件是空的，无法添加。", field="file")
        sha = digest.hexdigest()
        dest = blob_path(self._dir, sha)
        try:
            if dest.exists():
                tmp.unlink()  # the same file is already stored: keep one copy
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, dest)
                _fsync_dir(dest.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError("附件未能保存（磁盘已满或数据目录不可写）。") from exc
        return sha, total, mime


def _readable(path: Path) -> bool:
    return os.access(path, os.R_OK)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
