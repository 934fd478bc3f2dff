"""Keeping the full-text index of pulled cases up to date (store.search does the indexing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, lazyload

from mediator.store import search
from mediator.store.models import Case, CaseParty, Party

CaseText = Callable[[Case, list[Any]], list[str]]
"""The full-text fields of a case (services.search_fields.searchable_fields)."""


def cases_touched(s: Session, rows: Iterable[tuple[str, str]]) -> set[str]:
    """The cases whose search text depends on any of the (entity, id) ``rows``."""
    case_ids: set[str] = set()
    party_ids: list[str] = []
    link_ids: list[str] = []
    for entity, row_id in rows:
        if entity == "case":
            case_ids.add(row_id)
        elif entity == "party":
            party_ids.append(row_id)
        elif entity == "case_party":
            link_ids.append(row_id)
    if link_ids:
        case_ids.update(s.execute(select(CaseParty.case_id)
                                  .where(CaseParty.id.in_(link_ids))).scalars())
    if party_ids:
        case_ids.update(s.execute(select(CaseParty.case_id)
                                  .where(CaseParty.party_id.in_(party_ids))).scalars())
    return case_ids


def reindex(s: Session, case_ids: set[str], case_text: CaseText | None) -> None:
    """Bring the index up to date for ``case_ids`` (in bulk: a first pull indexes every
    case of the studio)."""
    if not case_ids or case_text is None:
        return
    conn = s.connection()
    ordered = sorted(case_ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        cases = s.execute(select(Case).where(Case.id.in_(chunk))
                          .options(lazyload("*"))).scalars().all()
        links = s.execute(select(CaseParty.case_id, Party.name, Party.id_number, Party.phone,
                                 Party.address, Party.representative)
                          .join(Party, Party.id == CaseParty.party_id)
                          .where(CaseParty.case_id.in_(chunk), CaseParty.deleted.is_(False))
                          .order_by(CaseParty.position)).all()
        parties: dict[str, list[Any]] = {}
        for link in links:
            parties.setdefault(link.case_id, []).append(link)
        indexed = set(conn.execute(text(
            "SELECT local_id FROM case_search WHERE local_id IN "
            f"({','.join(str(c.local_id) for c in cases) or 'NULL'})")).scalars())
        fresh = []
        for c in cases:
            fields = case_text(c, parties.get(c.id, []))
            if c.local_id in indexed:
                search.upsert_case_text(conn, c.local_id, fields)
            else:
                fresh.append((c.local_id, fields))
        search.bulk_insert_case_text(conn, fresh)
