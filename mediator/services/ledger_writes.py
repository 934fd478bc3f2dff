"""Writing the cases of a ledger import in bulk, inside the caller's transaction.

Why not :func:`mediator.services.case_writes.insert_registration` once per row:
it costs about 10 ms a case (four ORM flushes and an audit query each), 50 s for
a 5,000-row ledger, where the target is 5 s.  This writes the same rows — the
case with its number, its parties and their roles, the search text, one outbox
entry per row, one audit event per case — with one multi-row ``INSERT`` per
table (SQLAlchemy Core, so the tables' own defaults apply) and the audit chain
appended in one go.  Numbers come from the one numbering rule
(:func:`~mediator.services.case_writes.take_case_number`) unless the ledger's own
number is kept; ``tests/services/test_ledger_import.py`` reads the result back
through the same services as a hand-registered case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from mediator.domain.ids import new_id
from mediator.domain.status import CaseStatus, PartyKind
from mediator.services.case_writes import take_case_number
from mediator.services.dto import CaseRef, RegistrationInput
from mediator.services.search_fields import searchable_fields
from mediator.store import audit, search
from mediator.store.models import Case, CaseParty, Mediator, OutboxEntry, Party, Studio, utcnow

_IMMUTABLE = (dt.date, bool, int, str)  # dt.datetime is a dt.date


@dataclass(frozen=True)
class NewCase:
    reg: RegistrationInput  # checked by check_registration
    number: tuple[int, str] | None  # (seq, case number) to keep, or None: the next one
    former_case_no: str
    audit_detail: dict[str, object]


@dataclass(frozen=True)
class WrittenCase:
    """A case as written: its ref and its rows (the import derives its case file
    from them instead of reading them back)."""

    ref: CaseRef
    case: dict[str, Any]
    parties: list[dict[str, Any]]
    links: list[dict[str, Any]]
    detail: dict[str, Any]  # its registration event's detail


class _Text:
    """The fields searchable_fields reads off a party."""

    def __init__(self, row: dict[str, Any]) -> None:
        self.name = row["name"]
        self.id_number = row["id_number"]
        self.phone = row["phone"]
        self.address = row["address"]
        self.representative = row["representative"]


def write_cases(s: Session, new: list[NewCase], studio: Studio, mediator: Mediator,
                *, action: str) -> list[WrittenCase]:
    """Insert ``new`` (in this order) as registered cases; what was written, in order."""
    if not new:
        return []
    now = utcnow()

    def case_row(item: NewCase, seq: int, case_no: str) -> dict[str, Any]:
        reg = item.reg
        assert reg.registered_on is not None
        return {
            "id": new_id(), "studio_id": studio.id, "case_no": case_no,
            "year": reg.registered_on.year, "seq": seq, "status": CaseStatus.REGISTERED.value,
            "status_reason": "", "retention_class": "", "legal_hold": False,
            "dispute_type": reg.dispute_type, "source": reg.source,
            "summary": reg.summary, "requests": list(reg.requests),
            "registered_on": reg.registered_on, "referral_note": reg.referral_note,
            "mediator_id": mediator.id, "former_case_no": item.former_case_no,
            "created_at": now, "updated_at": now, "version": 0, "deleted": False}

    conn = s.connection()
    before = s.execute(select(func.coalesce(func.max(Case.local_id), 0))).scalar_one()
    # The ledger's own numbers go in first, so the numbering rule counts past them.
    cases: list[dict[str, Any] | None] = [
        case_row(item, *item.number) if item.number else None for item in new]
    kept = [c for c in cases if c is not None]
    if kept:
        _insert_many(conn, Case, kept)
        _count_past(s, studio, kept)
    for i, item in enumerate(new):
        if cases[i] is None:
            assert item.reg.registered_on is not None
            cases[i] = case_row(item, *take_case_number(
                s, studio.id, studio.case_prefix, item.reg.registered_on.year))
    done = [c for c in cases if c is not None]
    fresh = [c for item, c in zip(new, done, strict=True) if item.number is None]
    if fresh:
        _insert_many(conn, Case, fresh)
    local: dict[str, int] = {}
    for cid, lid in conn.execute(select(Case.id, Case.local_id).where(Case.local_id > before)):
        local[cid] = lid
    parties: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    texts: list[tuple[int, list[str]]] = []
    events: list[dict[str, Any]] = []
    written: list[WrittenCase] = []
    for item, case in zip(new, done, strict=True):
        outbox.append({"entity": "case", "entity_id": case["id"], "op": "upsert",
                       "created_at": now})
        rows = []
        case_links = []
        for pos, p in enumerate(item.reg.parties):
            org = p.kind is PartyKind.ORGANISATION
            row = {"id": new_id(), "studio_id": studio.id, "kind": p.kind.value,
                   "name": p.name, "sex": p.sex.value if p.sex else None,
                   "ethnicity": p.ethnicity, "birth_date": p.birth_date,
                   "id_number": p.id_number, "phone": p.phone, "address": p.address,
                   "occupation": p.occupation, "representative": p.representative,
                   "representative_title": p.representative_title,
                   "representative_role": p.representative_role.value if org else "",
                   "updated_at": now, "version": 0, "deleted": False}
            rows.append(row)
            case_links.append({"id": new_id(), "studio_id": studio.id, "case_id": case["id"],
                               "party_id": row["id"], "role": p.role.value, "position": pos,
                               "represents_id": None, "updated_at": now, "version": 0,
                               "deleted": False})
            outbox.append({"entity": "party", "entity_id": row["id"], "op": "upsert",
                           "created_at": now})
        parties += rows
        links += case_links
        fields = searchable_fields(case["case_no"], case["summary"], case["requests"],
                                   case["referral_note"], [_Text(r) for r in rows])
        texts.append((local[case["id"]],
                       [*fields, item.former_case_no] if item.former_case_no else fields))
        detail = {"status": case["status"], "parties": len(rows),
                  "dispute_type": case["dispute_type"], "source": case["source"],
                  **item.audit_detail}
        events.append({"studio_id": studio.id, "actor": mediator.id, "action": action,
                       "entity": "case", "entity_id": case["id"], "detail": detail})
        written.append(WrittenCase(CaseRef(case["id"], case["case_no"]), case, rows,
                                   case_links, detail))
    _insert_many(conn, Party, parties)
    _insert_many(conn, CaseParty, links)
    outbox += [{"entity": "case_party", "entity_id": lk["id"], "op": "upsert",
                "created_at": now} for lk in links]
    _insert_many(conn, OutboxEntry, outbox)
    search.bulk_insert_case_text(conn, texts)
    audit.record_many(s, events)
    return written


def _insert_many(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` many rows with the driver's executemany, values converted by the
    columns' own bind processors (as :func:`mediator.services.demo._bulk_insert`):
    SQLAlchemy's per-row bookkeeping cost more than the writing.  A column this
    code does not fill and the database cannot default (a NOT NULL column added
    later with only a Python-side default) sends the rows through Core instead."""
    if not rows:
        return
    table = model.__table__
    keys = list(rows[0])
    unfilled = [c for c in table.columns if c.key not in rows[0] and not c.nullable
                and c.server_default is None and not (c.primary_key and c.autoincrement)]
    if unfilled:
        conn.execute(insert(model), rows)
        return
    cols = [table.c[k] for k in keys]
    procs = [(i, p) for i, c in enumerate(cols)
             if (p := c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect))]
    names = ", ".join(f'"{c.name}"' for c in cols)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" for _ in cols)})'
    # Every row carries the same timestamp and flags: an immutable value the previous
    # row converted is not converted again (80,000 conversions in a 5,000-row import).
    last: dict[int, tuple[object, object]] = {}
    params = []
    for r in rows:
        values = [r[k] for k in keys]
        for i, proc in procs:
            v = values[i]
            if v is None:
                continue
            seen = last.get(i)
            if seen is not None and seen[0] is v:
                values[i] = seen[1]
                continue
            values[i] = proc(v)
            if isinstance(v, _IMMUTABLE):
                last[i] = (v, values[i])
        params.append(tuple(values))
    conn.exec_driver_sql(sql, params)


def _count_past(s: Session, studio: Studio, kept: list[dict[str, Any]]) -> None:
    """Keep the number counters above the ledger numbers kept, so the next number
    taken (here or by hand later) is not one of them."""
    from mediator.store.models import CaseNumberCounter  # noqa: PLC0415

    top: dict[int, int] = {}
    for c in kept:
        top[c["year"]] = max(top.get(c["year"], 0), c["seq"])
    for year, seq in top.items():
        counter = s.get(CaseNumberCounter, (studio.id, studio.case_prefix, year))
        if counter is not None and counter.next_seq <= seq:
            counter.next_seq = seq + 1
    s.flush()
