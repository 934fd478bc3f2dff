"""The benchmarks' verdict (benchmarks/common.py) and the LibreOffice peers' agreement.

Why: `make bench` once reported success while a script printed "OVER TARGET" (issue 15).
These check what the verdict decides and returns — never a timing — and that the .docx
handed to LibreOffice carries the same agreement as our PDF.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from benchmarks import run_all
from benchmarks.agreement_docx import water_leak_docx
from benchmarks.common import Figure, format_table, report, skipped
from mediator.documents import samples


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "bench.jsonl"
    monkeypatch.setenv("BENCH_RESULTS", str(path))
    monkeypatch.setenv("BENCH_RUN", "run-1")
    return path


def test_verdicts_read_the_target_the_right_way() -> None:
    assert Figure("pdf", 11.0, "ms", 12.0).verdict == "OK"
    assert Figure("pdf", 13.0, "ms", 12.0).verdict == "MISSED"
    assert Figure("start", 300, "ms", 2.0, baseline=100, measure="ratio").verdict == "MISSED"
    assert Figure("start", 190, "ms", 2.0, baseline=100, measure="ratio").verdict == "OK"
    fresh = Figure("vs soffice", 20.0, "ms", 60.0, "≥", baseline=1100.0, measure="speedup")
    assert fresh.measured == pytest.approx(55.0)
    assert fresh.verdict == "MISSED"
    assert Figure("vs soffice", 10.0, "ms", 60.0, "≥", baseline=1100.0,
                  measure="speedup").verdict == "OK"
    assert skipped("vs warm", "ms", 15.0, "soffice not installed").verdict == "SKIPPED"
    with pytest.raises(ValueError, match="baseline"):
        Figure("start", 300, "ms", 2.0, measure="ratio")


def test_a_missed_target_fails_the_script_and_is_recorded(
        results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = report([Figure("search p95", 2.0, "ms", 3.0),
                   Figure("today", 775.0, "ms", 50.0, baseline=900.0,
                          baseline_name="every open case judged")], script="bench_x")
    assert code == 1
    out = capsys.readouterr().out
    assert "MISSED" in out and "every open case judged" in out
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert [(r["script"], r["name"], r["verdict"], r["run"]) for r in rows] == [
        ("bench_x", "search p95", "OK", "run-1"), ("bench_x", "today", "MISSED", "run-1")]


def test_all_met_or_skipped_passes_but_nothing_measured_fails(results: Path) -> None:
    assert report([Figure("pdf", 11.0, "ms", 12.0),
                   skipped("vs warm", "ms", 15.0, "no soffice")], script="bench_x") == 0
    assert report([], script="bench_y") == 1


def test_run_all_collects_only_this_runs_figures(results: Path) -> None:
    report([Figure("pdf", 11.0, "ms", 12.0)], script="bench_a")
    results.write_text(results.read_text(encoding="utf-8") + json.dumps(
        {"script": "bench_old", "run": "run-0"}) + "\nnot json\n", encoding="utf-8")
    figures = run_all._figures(results, "run-1")
    assert [f["script"] for f in figures] == ["bench_a"]
    table = format_table(figures)
    header, _rule, row = table.splitlines()[:3]
    assert header.split() == ["script", "figure", "value", "baseline", "ratio", "target",
                              "verdict"]
    assert row.split()[0] == "bench_a" and row.endswith("OK")


def test_the_peers_docx_carries_the_same_agreement(tmp_path: Path) -> None:
    agreement = samples.water_leak_agreement()
    doc = Document(str(water_leak_docx(tmp_path / "agreement.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert agreement.number in text and agreement.facts in text
    assert all(term in text for term in agreement.terms)
    assert all(p.name in cells for p in agreement.case.parties)
    assert agreement.case.committee_name in cells
    # 5 signatures (3 parties, mediator, recorder), the seal and the verification QR.
    blips = doc.element.body.xpath(".//a:blip")
    assert len(blips) == 7
