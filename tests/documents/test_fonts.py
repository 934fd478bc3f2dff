"""Font fallback and the refusal of characters no bundled font can draw."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from mediator import documents
from mediator.documents import fonts, samples
from mediator.errors import DocumentError

from .poppler import pdftotext

EXT_G = "\U00030000"  # 𰀀, CJK Ext. G: in none of the bundled fonts


def test_each_rare_character_goes_to_the_font_that_has_it() -> None:
    assert fonts.font_for_char("珺") == fonts.FONT_SONG
    assert fonts.font_for_char("㙟") is not None
    assert fonts.font_for_char("𠮷") in (fonts.FONT_EXT_A, fonts.FONT_EXT_B)
    runs = fonts.runs("王𠮷明")
    assert [r.text for r in runs] == ["王", "𠮷", "明"]
    assert runs[0].font == runs[2].font == fonts.FONT_SONG


def test_undrawable_chars_lists_each_missing_character_once_in_order() -> None:
    assert fonts.undrawable_chars(f"张{EXT_G}三{EXT_G}\x07") == [EXT_G, "\x07"]
    assert fonts.undrawable_chars("王珺 㙟𠮷\n(ABC)，。") == []


def test_markup_escapes_xml_and_keeps_line_breaks() -> None:
    assert fonts.markup("a<b>&c\nd") == "a&lt;b&gt;&amp;c<br/>d"


def test_document_with_undrawable_name_is_refused_and_nothing_written(tmp_path: Path) -> None:
    agreement = samples.water_leak_agreement()
    party = dataclasses.replace(agreement.case.parties[0], name=f"王{EXT_G}")
    case = dataclasses.replace(agreement.case,
                               parties=(party, *agreement.case.parties[1:]))
    bad = dataclasses.replace(agreement, case=case)
    target = tmp_path / "agreement.pdf"
    with pytest.raises(DocumentError) as err:
        documents.save(bad, target)
    assert EXT_G in err.value.message and "U+30000" in err.value.message
    assert "王" not in err.value.message  # the name itself is personal data
    assert list(tmp_path.iterdir()) == []


def test_pdftotext_extracts_rare_characters(rendered: dict[str, Path]) -> None:
    text = pdftotext(rendered["agreement"])
    for word in ("王珺", "㙟头村", "𠮷野家明"):
        assert word in text
