"""The sync line and the conflicts list show times on the studio's clock, whatever
the PC's zone: with TZ=UTC in this process, 01:30 UTC reads 09:30 (Asia/Shanghai)."""

from __future__ import annotations

import datetime as dt

from mediator.store.models import SyncConflict, SyncState
from mediator.ui.sync import SyncStatusWidget
from mediator.ui.sync.conflicts import ConflictsPage


def test_last_sync_is_shown_on_the_studio_clock(qtbot, studio_ws, runner, pc_on_utc) -> None:
    studio, _ = studio_ws.studio.context()
    with studio_ws.db.write() as s:
        s.add(SyncState(id=1, server_url="https://district.example", studio_id=studio.id,
                        device_id="d" * 36,
                        last_sync_at=dt.datetime(2026, 3, 6, 1, 30, tzinfo=dt.UTC)))
    widget = SyncStatusWidget(studio_ws, runner, interval_s=3600)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: "03-06" in widget.label.text(), timeout=10000)
    assert "03-06 09:30" in widget.label.text()
    widget.shutdown()


def test_a_conflict_is_listed_with_its_time_on_the_studio_clock(qtbot, studio_ws, runner,
                                                                pc_on_utc) -> None:
    with studio_ws.db.write() as s:
        s.add(SyncConflict(entity="case", row_id="r" * 36, mine={"case_no": "（2026）桂城1号"},
                           theirs={"case_no": "（2026）桂城1号"},
                           created_at=dt.datetime(2026, 3, 6, 1, 30, tzinfo=dt.UTC)))
    page = ConflictsPage(studio_ws, runner)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10000)
    assert "03-06 09:30" in page.list.item(0).text()
