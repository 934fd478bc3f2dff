"""Screen text is sans-serif; the English UI draws Latin in a Latin face; rare
characters still render in both UIs through the bundled Ming faces.

In the Ming face (the bundled CJK font) "l" and "1" differ by a pixel or two at
12 pt: a case number or a phone number read off an English screen could be
wrong.  These tests look at what Qt really draws: the family it resolves, the
font each glyph run comes from, and the pixels of the glyphs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QImage, QPainter, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from mediator.paths import DataDir
from mediator.ui.fonts import FAMILIES, LATIN_FAMILY, POINT_SIZE, SANS_FAMILY, install_fonts

# Names as mediators type them: common, rare (Ext. A) and plane 2 characters.
CHINESE = "调解欧阳珺麦㙟𠮷，（）"


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    yield
    qapp.setFont(QApplication.font(None))


def runs(text: str, font: QFont) -> list[tuple[str, str]]:
    """(family, characters) of each glyph run Qt lays ``text`` out in."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    out = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        chars = "".join(ch for ch in text if raw.supportsCharacter(ord(ch)) and not ch.isspace())
        out.append((raw.familyName(), chars))
    return out


def glyph_image(ch: str, font: QFont) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(8, 36, ch)
    painter.end()
    return image


def unlike(a: QImage, b: QImage) -> float:
    """The share of the visibly inked pixels (darker than light grey) that are inked
    in one glyph image and not in the other."""
    differ = inked = 0
    for y in range(a.height()):
        for x in range(a.width()):
            ink_a, ink_b = a.pixelColor(x, y).value() < 200, b.pixelColor(x, y).value() < 200
            inked += ink_a or ink_b
            differ += ink_a != ink_b
    return differ / max(inked, 1)


def test_english_ui_resolves_to_the_latin_face(qapp, qtbot, app_font) -> None:
    font = install_fonts(qapp, "en")
    assert font.families() == [LATIN_FAMILY, SANS_FAMILY, *FAMILIES]
    assert font.pointSize() == POINT_SIZE
    assert QFontInfo(qapp.font()).family() == LATIN_FAMILY
    label = QLabel("Case no. l1 Il0O")
    qtbot.addWidget(label)
    assert QFontInfo(label.font()).family() == LATIN_FAMILY
    # Every Latin letter and digit comes from the Latin face...
    assert {family for family, _ in runs("Case no. l1 Il0O 13800000000", font)} == {LATIN_FAMILY}
    bold = QFont(font)
    bold.setBold(True)
    assert QFontInfo(bold).family() == LATIN_FAMILY and QFontInfo(bold).bold()


def test_english_ui_tells_l_from_1_and_ming_does_not(qapp, app_font) -> None:
    latin = install_fonts(qapp, "en")
    ming = QFont()
    ming.setFamilies(FAMILIES)
    ming.setPointSize(POINT_SIZE)
    # The Latin face's "l" and "1" share few pixels (here 6 %); the Ming face's are
    # nearly one image (85 % shared), which is what an English user met before.
    assert glyph_image("l", latin) != glyph_image("1", latin)
    assert unlike(glyph_image("l", latin), glyph_image("1", latin)) > 0.6
    assert unlike(glyph_image("l", ming), glyph_image("1", ming)) < 0.4


def test_english_ui_still_renders_chinese_names(qapp, app_font) -> None:
    font = install_fonts(qapp, "en")
    for family, chars in runs("Li Ming 欧阳珺 " + CHINESE, font):
        if family != LATIN_FAMILY:
            assert family in {SANS_FAMILY, *FAMILIES}, (family, chars)
    covered = "".join(chars for family, chars in runs(CHINESE, font)
                      if family in {SANS_FAMILY, *FAMILIES})
    for ch in CHINESE:
        assert ch in covered, ch  # drawn by a bundled CJK font, not a box
    assert QFontMetrics(font).horizontalAdvance("调解") > 0


def test_chinese_ui_is_sans_serif_and_rare_characters_fall_back_to_ming(qapp, app_font) -> None:
    font = install_fonts(qapp, "zh_CN")
    assert font.families() == [SANS_FAMILY, *FAMILIES]
    assert QFontInfo(qapp.font()).family() == SANS_FAMILY
    assert QFontMetrics(font).inFont("调")
    # Everyday text (GB 2312, punctuation, digits) is drawn in the sans-serif...
    assert {family for family, _ in runs("调解欧阳麦，（） 2026", font)} == {SANS_FAMILY}
    # ...a rare character in a name in a Ming face, never a box.
    rare = {family for family, chars in runs("㙟𠮷", font) if chars}
    assert rare and rare <= set(FAMILIES), rare
    covered = "".join(chars for _family, chars in runs(CHINESE, font))
    for ch in CHINESE:
        assert ch in covered, ch


CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QFontInfo
    from mediator.paths import DataDir
    from mediator.ui.app import prepare

    app, startup = prepare(DataDir.resolve(sys.argv[1]).ensure(), sys.argv[2])
    print(QFontInfo(app.font()).family())
    startup.close()
    """
)


@pytest.mark.parametrize(("lang", "family"), [("en", LATIN_FAMILY), ("zh_CN", SANS_FAMILY)])
def test_the_app_start_up_installs_the_face_of_its_language(
        data_dir: DataDir, lang: str, family: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATOR_NO_DIALOGS="1")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir.root), lang],
        check=False, capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == family
