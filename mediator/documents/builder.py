"""From a story of flowables to PDF bytes, and from bytes to a file, safely.

Every renderer goes through :func:`build_pdf`, which first refuses text no
bundled font can draw (reportlab would print blanks), then lays the story out on
the shared page style.  :func:`write_atomic` is the only way a document reaches
the disk: temporary file in the destination directory, fsync, rename, so a
crash or a full disk never leaves a half-written PDF under the real name.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import os
import tempfile
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.platypus import Flowable, SimpleDocTemplate

from mediator.documents import fonts, styles
from mediator.errors import DocumentError, os_reason, storage_error_for

CREATOR = "Mediator 调解工作台"


def texts_of(obj: Any) -> Iterator[str]:
    """Every string inside a document input (dataclasses, tuples, sets, enums)."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, enum.Enum):
        if isinstance(obj.value, str):
            yield obj.value
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from texts_of(getattr(obj, f.name))
    elif isinstance(obj, (tuple, list, frozenset, set)):
        for item in obj:
            yield from texts_of(item)


def build_pdf(story: Sequence[Flowable], *, title: str, draft: bool, source: Any) -> bytes:
    """Lay out ``story`` on A4 with the shared styles; refuse undrawable characters first.

    ``title`` goes into the PDF metadata: the document kind only, never a name.
    """
    fonts.register_fonts()
    # Binary (zlib-only) streams: ASCII85 would grow every stream by a quarter and,
    # without reportlab's C accelerator, cost more time than the whole layout.
    rl_config.useA85 = 0
    fonts.ensure_drawable(texts_of(source))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=styles.PAGE_SIZE,
        leftMargin=styles.MARGIN_LEFT,
        rightMargin=styles.MARGIN_RIGHT,
        topMargin=styles.MARGIN_TOP,
        bottomMargin=styles.MARGIN_BOTTOM,
        title=title,
        author="",
        subject=title,
        creator=CREATOR,
        lang="zh-CN",
        initialFontName=fonts.FONT_SONG,
        initialFontSize=styles.BODY_SIZE,
    )
    doc.build(list(story), canvasmaker=partial(styles.DocumentCanvas, draft=draft))
    return buf.getvalue()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temp file beside it, fsync, rename).

    The temporary file lives in the destination directory, so personal data
    never lands in a system temp dir, and the rename cannot cross filesystems.
    """
    dest = Path(path)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    except OSError as exc:
        raise storage_error_for(exc) or DocumentError(
            f"无法写入目录：{dest.parent}（{os_reason(exc)}）") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, dest)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        # A full disk or a read-only data dir gets its own message (what to do).
        raise storage_error_for(exc) or DocumentError(
            f"保存文件失败：{dest.name}（{os_reason(exc)}）") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    if os.name == "posix":
        dir_fd = os.open(dest.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return dest
