"""The period picker: what each choice means on a given day, and the lists it shows."""

from __future__ import annotations

import datetime as dt

import pytest

from mediator.ui.statistics.period_picker import Choice, PeriodPicker, period_for

D = dt.date


@pytest.mark.parametrize(("choice", "today", "label", "start", "end"), [
    (Choice.THIS_MONTH, D(2026, 2, 14), "2026年2月", D(2026, 2, 1), D(2026, 2, 28)),
    (Choice.LAST_MONTH, D(2026, 1, 31), "2025年12月", D(2025, 12, 1), D(2025, 12, 31)),
    (Choice.THIS_QUARTER, D(2026, 11, 5), "2026年第四季度", D(2026, 10, 1), D(2026, 12, 31)),
    (Choice.THIS_YEAR, D(2028, 6, 1), "2028年", D(2028, 1, 1), D(2028, 12, 31)),
])
def test_the_one_click_choices(choice: Choice, today: dt.date, label: str, start: dt.date,
                               end: dt.date) -> None:
    p = period_for(choice, today)
    assert (p.label, p.start, p.end) == (label, start, end)


def test_a_custom_span_entered_backwards_is_taken_the_right_way_round() -> None:
    p = period_for(Choice.CUSTOM, D(2026, 5, 1), start=D(2026, 3, 31), end=D(2026, 3, 1))
    assert (p.start, p.end) == (D(2026, 3, 1), D(2026, 3, 31))


def test_the_picker_shows_only_the_lists_a_choice_needs(qtbot) -> None:
    picker = PeriodPicker(lambda: D(2026, 3, 20))
    qtbot.addWidget(picker)
    picker.show()
    seen = []
    picker.changed.connect(seen.append)
    assert picker.period().label == "2026年3月"
    assert not any(w.isVisible() for w in (picker.year, picker.month, picker.start))
    picker.set_choice(Choice.MONTH)
    assert picker.year.isVisible() and picker.month.isVisible()
    assert not picker.quarter.isVisible()
    picker.year.setCurrentIndex(picker.year.findData(2025))
    picker.month.setCurrentIndex(picker.month.findData(11))
    assert seen[-1].label == "2025年11月"
    picker.set_choice(Choice.CUSTOM)
    assert picker.start.isVisible() and picker.end.isVisible() and picker.start.calendarPopup()
    assert seen[-1].label == "2026年03月01日至2026年03月20日"
    assert picker.year.count() == 11  # this year and the ten before, no typing
