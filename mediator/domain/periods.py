"""期间 — how a period of days or months is counted, per the Civil Code.

民法典 art. 201: the day of the event is not counted; the period starts the next
day.  Art. 202: a period of months ends on the corresponding day of the last
month, or on that month's last day when it has no such day (registered 31
January, one month -> 28 or 29 February).  Art. 203: when the last day is a
statutory holiday, the period ends on the first day after the holiday.

The holiday rule needs the State Council's yearly holiday calendar (with its
swapped working weekends), which this package cannot compute; callers that have
it pass ``is_rest_day``.  Without it, periods end on the calendar day, which can
only make a reminder come early, never late.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

RestDay = Callable[[dt.date], bool]

_MAX_REST_RUN = 31  # no holiday is longer; guards against a predicate that is always true


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _roll_past_rest(day: dt.date, is_rest_day: RestDay | None) -> dt.date:
    if is_rest_day is None:
        return day
    for _ in range(_MAX_REST_RUN):
        if not is_rest_day(day):
            return day
        day += dt.timedelta(days=1)
    raise ValueError("is_rest_day marks more than a month in a row as holiday")


def month_period_end(event: dt.date, months: int, *, is_rest_day: RestDay | None = None) -> dt.date:
    """Last day of a period of ``months`` months that runs from ``event``."""
    if months < 0:
        raise ValueError("a period cannot be negative")
    return _roll_past_rest(add_months(event, months), is_rest_day)


def day_period_end(event: dt.date, days: int, *, is_rest_day: RestDay | None = None) -> dt.date:
    """Last day of a period of ``days`` days that runs from ``event``.

    The event day is not counted, so 30 days from 1 March end on 31 March.
    """
    if days < 0:
        raise ValueError("a period cannot be negative")
    return _roll_past_rest(event + dt.timedelta(days=days), is_rest_day)


def days_left(due: dt.date, today: dt.date) -> int:
    """Whole days from ``today`` to ``due``: 0 on the last day, negative once overdue."""
    return (due - today).days
