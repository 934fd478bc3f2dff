"""The studio's time zone: one clock for documents and screen.

Timestamps are stored in UTC; a person reads them on the studio's wall clock.
The zone is a studio setting (``Asia/Shanghai`` unless the studio says
otherwise).  Where the system has no time-zone database (a bare Windows PC
without the tzdata package), China's fixed UTC+8 stands in for Asia/Shanghai,
which has had no daylight saving since 1991.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
_CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


@lru_cache(maxsize=8)
def zone(name: str = DEFAULT_ZONE) -> dt.tzinfo:
    """The tzinfo of ``name``; an unknown or empty name falls back to Asia/Shanghai."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return _CHINA


def known_zone(name: str) -> bool:
    """Whether ``name`` is a zone the time-zone database knows (Asia/Shanghai always is)."""
    if name == DEFAULT_ZONE:
        return True
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def wall_clock(ts: dt.datetime, name: str = DEFAULT_ZONE) -> dt.datetime:
    """A stored timestamp on the studio's wall clock, naive (as printed).

    A naive ``ts`` is taken as UTC, which is how the store keeps timestamps.
    """
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=dt.UTC)
    return ts.astimezone(zone(name)).replace(tzinfo=None)
