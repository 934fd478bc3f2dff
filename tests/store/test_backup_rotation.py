"""Grandfather-father-son rotation over a simulated year and two months of backups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mediator.store.backup import backup_name, list_backups, prune


def _make(folder: Path, reason: str, when: dt.datetime) -> Path:
    path = folder / backup_name(reason, when)
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_exactly_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    """Every day a backup at 09:00, on weekdays a second one on exit at 18:00; the
    folder is pruned after each, as the app does.  What is left after 14 months is
    the newest backup of the last 7 days, of the 4 weeks before and of the 12
    months before those: 23 files, worked out by hand below."""
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2026, 2, 28):
        _make(tmp_path, "auto", dt.datetime.combine(day, dt.time(9)))
        prune(tmp_path)
        if day.weekday() < 5:
            _make(tmp_path, "auto", dt.datetime.combine(day, dt.time(18)))
            prune(tmp_path)
        day += dt.timedelta(days=1)

    def newest(d: dt.date) -> dt.datetime:
        return dt.datetime.combine(d, dt.time(18 if d.weekday() < 5 else 9))

    daily = [dt.date(2026, 2, d) for d in range(22, 29)]
    # ISO weeks before: the week of 23 Feb and of 16-22 Feb end on days kept as daily.
    weekly = [dt.date(2026, 2, 15), dt.date(2026, 2, 8), dt.date(2026, 2, 1),
              dt.date(2026, 1, 25)]
    # February's newest is a daily one; January's newest (31st) is not a weekly one.
    monthly = [dt.date(2026, 1, 31), dt.date(2025, 12, 31), dt.date(2025, 11, 30),
               dt.date(2025, 10, 31), dt.date(2025, 9, 30), dt.date(2025, 8, 31),
               dt.date(2025, 7, 31), dt.date(2025, 6, 30), dt.date(2025, 5, 31),
               dt.date(2025, 4, 30), dt.date(2025, 3, 31), dt.date(2025, 2, 28)]
    expected = {newest(d) for d in daily + weekly + monthly}
    kept = {b.taken_at for b in list_backups(tmp_path)}
    assert len(expected) == 23
    assert kept == expected


def test_safety_copies_keep_their_own_count_beside_the_regular_ones(tmp_path: Path) -> None:
    start = dt.datetime(2026, 1, 1, 12)
    for i in range(15):
        _make(tmp_path, "pre-migrate", start + dt.timedelta(days=i))
        _make(tmp_path, "pre-restore", start + dt.timedelta(days=i, hours=1))
    _make(tmp_path, "manual", start)
    (tmp_path / "notes.txt").write_text("not a backup")
    prune(tmp_path)
    reasons = [b.reason for b in list_backups(tmp_path)]
    assert reasons.count("pre-migrate") == 10 and reasons.count("pre-restore") == 10
    assert reasons.count("manual") == 1
    newest_migrate = max(b.taken_at for b in list_backups(tmp_path) if b.reason == "pre-migrate")
    assert newest_migrate == start + dt.timedelta(days=14)
    assert (tmp_path / "notes.txt").exists()
