"""After a ledger import the maintained tables still equal the rules.

The import writes its cases' Today rows (``case_due``) from the case files it
loads for the completeness check, instead of leaving them to the refresh before
the commit; the Today table and the statistics tables must still be what the
rules give for the rows written — also beside cases already there, and after a
dry run.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mediator.domain.completeness import check_case
from mediator.services import demo
from mediator.services.ledger_import import import_ledger, open_ledger, preview
from mediator.services.ledger_writes import NewCase, write_cases
from mediator.services.workflow import Workflow
from mediator.services.workflow.snapshot import (
    LEDGER_ACTION,
    listed_cases,
    load_casefile,
    load_casefiles,
    written_casefiles,
)
from mediator.services.workspace import Workspace
from tests.services.test_ledger_import import GUICHENG, PINGZHOU, TODAY
from tests.services.test_statistics_day import assert_maintained
from tests.services.workflow.test_case_due import by_the_rules, stale, table
from tests.services.workflow.test_today_fast import full_scan


def _equal_to_the_rules(ws: Workspace) -> None:
    assert stale(ws) == 0
    assert table(ws) == by_the_rules(ws)
    assert_maintained(ws)
    for offset in (-400, -30, 0, 30):
        day = TODAY + dt.timedelta(days=offset)
        assert Workflow(ws).deadlines.due(day, 7) == full_scan(ws, day, 7)


def test_imported_cases_are_listed_and_counted_by_the_rules(workspace: Workspace) -> None:
    demo.generate(workspace, 30, seed=3, today=TODAY)
    before = table(workspace)
    report = import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    assert report.written and report.imported
    _equal_to_the_rules(workspace)
    assert table(workspace) > before  # the new cases at 受理 have their deadlines listed
    again = import_ledger(workspace, PINGZHOU, partial=True, today=TODAY)
    assert again.written
    _equal_to_the_rules(workspace)


def test_a_dry_run_leaves_the_tables_as_they_were(workspace: Workspace) -> None:
    demo.generate(workspace, 10, seed=4, today=TODAY)
    before = table(workspace)
    report = import_ledger(workspace, GUICHENG, partial=True, dry_run=True, today=TODAY)
    assert not report.written and report.imported
    assert table(workspace) == before
    _equal_to_the_rules(workspace)


def test_the_case_files_of_the_rows_written_are_those_read_back(workspace: Workspace) -> None:
    """The import judges its new cases (completeness, deadlines) from the rows it has
    just written; they must be the case files the rest of the app reads back."""
    with open_ledger(GUICHENG) as book:
        rows = [r for r in preview(workspace, book, limit=500, today=TODAY)
                if r.state == "ok" and r.reg is not None]
    assert len(rows) > 5
    studio, mediator = workspace.studio.context()

    class Undo(Exception):
        pass

    with pytest.raises(Undo), workspace.db.write() as s:
        written = write_cases(s, [NewCase(r.reg, None, "", {"ledger_row": r.row,
                                                            "ledger_result": "succeeded"})
                                  for r in rows if r.reg is not None],
                              studio, mediator, action=LEDGER_ACTION)
        built = written_casefiles(((w.case, w.parties, w.links, w.detail) for w in written),
                                  studio.time_zone)
        read = load_casefiles(s, listed_cases(w.ref.id for w in written))
        assert built == read
        assert all(f.ledger is not None and f.ledger.result == "succeeded"
                   for f in built.values())
        raise Undo


def test_the_report_lists_what_the_completeness_check_finds(workspace: Workspace) -> None:
    report = import_ledger(workspace, PINGZHOU, partial=True, today=TODAY)
    assert report.written
    with workspace.db.read() as s:
        for row in report.imported:
            assert row.case is not None
            found = check_case(load_casefile(s, row.case.id), TODAY).errors
            assert row.lacks == list(dict.fromkeys(f.message for f in found))
