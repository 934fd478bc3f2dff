"""The translation catalogues are complete, and the compiled .qm files are current."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(TS_DIR / f"mediator_{lang}.ts")
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_no_entry_is_unfinished_or_empty(lang: str) -> None:
    entries = messages(lang)
    assert entries
    problems = []
    for context, source, message in entries:
        translation = message.find("translation")
        assert translation is not None
        texts = translations_of(message)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            t.strip() for t in texts
        ):
            problems.append(f"{context}: {source!r}")
    assert not problems, f"{lang}: untranslated: {problems}"


def test_chinese_keeps_every_placeholder() -> None:
    for context, source, message in messages("zh_CN"):
        wanted = sorted(re.findall(r"%\d|%n", source))
        for text in translations_of(message):
            assert sorted(re.findall(r"%\d|%n", text)) == wanted, (context, source, text)
            if context != "FirstRunDialog":  # its examples are Chinese in both languages
                assert re.search(r"[\u4e00-\u9fff]", text), (context, source, text)


@pytest.mark.slow
def test_catalogues_match_the_code_and_qm_files_are_current() -> None:
    """lupdate finds no new string and lrelease would write the committed .qm."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "build" / "translations.py"), "--check"],
        check=False, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
