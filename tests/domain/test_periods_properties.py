"""Properties of month arithmetic over many dates, leap years included."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from mediator.domain.periods import add_months, day_period_end, month_period_end

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@given(day=dates, months=st.integers(-36, 36))
def test_add_months_lands_in_the_right_month_on_the_same_or_last_day(
    day: dt.date, months: int
) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


@given(day=dates)
def test_one_month_period_is_28_to_31_days(day: dt.date) -> None:
    length = (month_period_end(day, 1) - day).days
    assert 28 <= length <= 31


@given(day=dates, days=st.integers(0, 400))
def test_day_periods_are_exact(day: dt.date, days: int) -> None:
    assert (day_period_end(day, days) - day).days == days
