"""Sample statistics facts and screening visits for the demo data (``mediator demo``).

Kept apart from :mod:`mediator.services.demo` and drawn from a random stream of
their own, so the sample cases, names and records stay exactly as they were.
The mix follows what a neighbourhood studio sees: most disputes are between two
people; about one in twenty-five is a group dispute; a few closed cases record
an escalation prevented (most often 防止民转刑); a sector committee handles
some labour, medical and traffic disputes; the studio screens its area about
once for every 25 cases it registers.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from mediator.domain.case_facts import BodyType, CaseFacts, Prevention
from mediator.services.case_facts import apply_facts
from mediator.store.statistics_models import CaseStatistics, ScreeningVisit

_SECTOR_TYPES = {"labour", "medical", "traffic_accident"}
_CLOSED = {"agreed", "performing", "followed_up", "confirming", "archived", "terminated"}
_PLACES = ["平洲村", "夏西社区", "桂城市场", "海三路商铺", "怡翠花园小区", "南海大道建筑工地",
           "叠滘村", "灯湖社区", "映月湖公园"]


def statistics_records(seed: int, batch: list[dict[str, Any]], *, studio_id: str,
                       mediator_id: str, today: dt.date, now: dt.datetime
                       ) -> dict[Any, list[dict[str, Any]]]:
    rng = random.Random(f"{seed}-statistics")
    sync = {"studio_id": studio_id, "version": 0, "updated_at": now, "deleted": False}
    facts_rows: list[dict[str, Any]] = []
    for item in batch:
        c = item["case"]
        group = rng.random() < 0.04
        people = rng.randint(10, 40) if group else rng.choice([2, 2, 2, 2, 3, 4])
        prevented: dict[Prevention, int] = {}
        if c["status"] in _CLOSED:
            if rng.random() < 0.03:
                prevented[Prevention.CRIMINAL] = rng.randint(1, 3)
            if group and rng.random() < 0.3:
                prevented[Prevention.PETITION] = people
            if group and rng.random() < 0.05:
                prevented[Prevention.FIGHT] = people
            if rng.random() < 0.003:
                prevented[Prevention.SUICIDE] = 1
        sector = c["dispute_type"] in _SECTOR_TYPES and rng.random() < 0.3
        facts = CaseFacts(people_involved=people, prevented=prevented,
                          amount_in_dispute_fen=rng.choice([0, 80000, 320000, 1200000,
                                                            4800000, 15000000]),
                          body_type=BodyType.SECTOR if sector else None)
        row = CaseStatistics(case_id=c["id"], screening_id=None)
        apply_facts(row, facts)
        facts_rows.append({
            "id": _uuid7(rng, c["registered_on"]), **sync, "case_id": c["id"],
            "screening_id": None,
            **{k: getattr(row, k) for k in (
                "people_involved", "group_marked", "group_dispute", "prevented_criminal",
                "prevented_petition", "prevented_fight", "prevented_suicide",
                "amount_in_dispute_fen", "body_type", "grade", "grade_override",
                "grade_reason")}})
    visits = []
    for _ in range(len(batch) // 25):
        day = today - dt.timedelta(days=rng.randrange(730))
        found = rng.choice([0, 0, 1, 1, 2, 3, 4])
        visits.append({"id": _uuid7(rng, day), **sync, "visited_on": day,
                       "place": rng.choice(_PLACES), "visitors": "陈调解、网格员",
                       "disputes_found": found, "disputes_prevented": rng.randint(0, found),
                       "notes": "走访排查，重点了解邻里、物业矛盾。", "mediator_id": mediator_id})
    return {ScreeningVisit: visits, CaseStatistics: facts_rows}


def _uuid7(rng: random.Random, day: dt.date) -> str:
    """A UUIDv7 of ``day`` (as demo's own ids), from this module's random stream."""
    ms = int(dt.datetime.combine(day, dt.time(9), dt.UTC).timestamp() * 1000)
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62)
    return str(uuid.UUID(int=value | rng.getrandbits(62)))
