"""The committee seal (印章): a transparent PNG the studio head imports once.

Stored as ``<data dir>/seal.png``.  Checked on import: a PNG, readable, with an
alpha channel that is actually transparent around the seal (a scanned seal on
a white background would print a white box over the committee's name), and a
sensible size.  Without a seal every document prints marked 草稿 (draft) and an
agreement cannot be finalised.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from mediator.documents.builder import write_atomic
from mediator.documents.model import Seal
from mediator.errors import DocumentError
from mediator.paths import DataDir

SEAL_FILE = "seal.png"
MIN_SIDE_PX = 100
MAX_SIDE_PX = 4000
MAX_BYTES = 5_000_000
# At least this share of the pixels must be fully transparent (the corners of a round seal
# alone are ~21 % of its square).
MIN_TRANSPARENT_SHARE = 0.10


def seal_path(data_dir: DataDir) -> Path:
    return data_dir.root / SEAL_FILE


def check_seal_png(data: bytes) -> Seal:
    """The seal if ``data`` is a usable transparent PNG, else a DocumentError saying why."""
    if len(data) > MAX_BYTES:
        raise DocumentError("印章图片过大（超过5MB），请导出较小的PNG", field="seal")
    seal = Seal(data)  # PNG signature and integrity
    with Image.open(io.BytesIO(data)) as img:
        width, height = img.size
        if min(width, height) < MIN_SIDE_PX:
            raise DocumentError(f"印章图片太小（至少{MIN_SIDE_PX}像素见方），打印会模糊",
                                field="seal")
        if max(width, height) > MAX_SIDE_PX:
            raise DocumentError(f"印章图片太大（最多{MAX_SIDE_PX}像素见方）", field="seal")
        has_alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
        if not has_alpha:
            raise DocumentError("印章图片没有透明背景，请使用背景透明的PNG", field="seal")
        alpha = img.convert("RGBA").getchannel("A")
        histogram = alpha.histogram()
        transparent = histogram[0] / (width * height)
        opaque = sum(histogram[128:]) / (width * height)
    if transparent < MIN_TRANSPARENT_SHARE:
        raise DocumentError("印章图片的背景不透明，请使用背景透明的PNG", field="seal")
    if opaque < 0.01:
        raise DocumentError("印章图片几乎完全透明，看不到印章", field="seal")
    return seal


def load_seal(data_dir: DataDir) -> Seal | None:
    """The studio's seal, or None when none was imported."""
    path = seal_path(data_dir)
    if not path.exists():
        return None
    return Seal.from_file(path)


def install_seal(data_dir: DataDir, data: bytes) -> Seal:
    """Check and store the seal atomically (replacing an earlier one)."""
    seal = check_seal_png(data)
    write_atomic(seal_path(data_dir), data)
    return seal
