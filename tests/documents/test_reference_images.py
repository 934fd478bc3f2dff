"""Page images (pdftoppm, 40 dpi) against committed reference PNGs: layout regressions.

Regenerate after an intended layout change, then look at the new PNGs:
    MEDIATOR_REGEN_REFERENCE=1 .venv/bin/python -m pytest tests/documents/test_reference_images.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from .poppler import poppler

REFERENCE_DIR = Path(__file__).parent / "reference"
REGENERATE = os.environ.get("MEDIATOR_REGEN_REFERENCE") == "1"
DPI = "40"
# A pixel "differs" when any channel moves by more than this (antialiasing noise is
# smaller); a page fails when more than MAX_DIFF_FRACTION of its pixels differ.
PIXEL_THRESHOLD = 64
MAX_DIFF_FRACTION = 0.004


def _pages(pdf: Path, out: Path) -> list[Path]:
    result = poppler("pdftoppm", "-png", "-r", DPI, str(pdf), str(out / pdf.stem))
    assert result.returncode == 0, result.stderr
    return sorted(out.glob(f"{pdf.stem}-*.png"))


def _diff_fraction(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).convert("L")
    changed = sum(diff.point(lambda v: 255 if v > PIXEL_THRESHOLD else 0).histogram()[255:])
    return changed / (a.width * a.height)


@pytest.mark.parametrize("name", ["agreement", "registration", "session-1", "dossier",
                                  "application", "authorisation", "termination"])
def test_pages_match_reference(rendered: dict[str, Path], name: str, tmp_path: Path) -> None:
    pages = _pages(rendered[name], tmp_path)
    if REGENERATE:
        REFERENCE_DIR.mkdir(exist_ok=True)
        for old in REFERENCE_DIR.glob(f"{name}-*.png"):
            old.unlink()
        for page in pages:
            Image.open(page).save(REFERENCE_DIR / page.name, optimize=True)
        return
    refs = sorted(REFERENCE_DIR.glob(f"{name}-*.png"))
    assert [p.name for p in pages] == [r.name for r in refs], "page count changed"
    for page, ref in zip(pages, refs, strict=True):
        got, want = Image.open(page), Image.open(ref)
        assert got.size == want.size, page.name
        fraction = _diff_fraction(got, want)
        assert fraction <= MAX_DIFF_FRACTION, f"{page.name}: {fraction:.2%} of pixels differ"


def test_comparison_catches_a_moved_block(rendered: dict[str, Path], tmp_path: Path) -> None:
    """The tolerance is tight enough to see a layout shift of a few points."""
    page = Image.open(_pages(rendered["agreement"], tmp_path)[0]).convert("RGB")
    shifted = Image.new("RGB", page.size, "white")
    shifted.paste(page.crop((0, 0, page.width, page.height - 4)), (0, 4))
    assert _diff_fraction(page, shifted) > MAX_DIFF_FRACTION
