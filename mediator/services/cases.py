"""Case use cases: register (受理登记), list, search, read.

Reading (the list, search, the detail view) is raw SQL through
:class:`mediator.store.reader.Reader`, with no ORM objects and no SQLAlchemy
import, so the case list paints fast at 100k cases; registering goes through
:mod:`mediator.services.case_writes` (one SQLAlchemy unit of work).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from mediator.domain.case_facts import BodyType, CaseFacts, Grade, Prevention
from mediator.domain.case_facts import problems as facts_problems
from mediator.domain.idcard import age_on, mask_id_number
from mediator.domain.status import CaseStatus, PartyKind, PartyRole, RepresentativeRole, Sex
from mediator.domain.studio_time import DEFAULT_ZONE
from mediator.errors import NotFoundError, ValidationError
from mediator.services.corrections import CorrectionView
from mediator.services.dto import (
    CaseDetail,
    CaseFilter,
    CaseRef,
    CaseRow,
    PartyInput,
    PartyView,
    RegistrationInput,
)
from mediator.services.registration import check_registration, organisation_gaps
from mediator.store import search
from mediator.store.reader import Reader

if TYPE_CHECKING:
    from mediator.store.database import Database
    from mediator.store.models import Mediator, Studio

ROLE_ORDER = {PartyRole.APPLICANT: 0, PartyRole.RESPONDENT: 1, PartyRole.THIRD_PARTY: 2,
              PartyRole.AGENT: 3}


class CaseService:
    #: A text search returns at most this many cases (the newest); the list says so.
    SEARCH_LIMIT = search.MAX_RESULTS

    def __init__(self, reader: Reader, db: Callable[[], Database],
                 context: Callable[[], tuple[Studio, Mediator]],
                 catalogue_codes: Callable[[], tuple[frozenset[str], frozenset[str]]]) -> None:
        self._reader = reader
        self._db = db
        self._context = context
        self._codes = catalogue_codes

    # ------------------------------------------------------------------ writing
    def validate(self, reg: RegistrationInput) -> list[tuple[str, str]]:
        types, sources = self._codes()
        problems = check_registration(reg, dispute_types=types, sources=sources).problems
        return problems + _facts_problems(reg.facts)

    def register(self, reg: RegistrationInput) -> CaseRef:
        """Register (受理) a case atomically: number, parties, search index, audit, outbox,
        and the statistics facts stated with it (``reg.facts``) in the same transaction."""
        from mediator.services.case_facts import add_facts_row, check_facts  # noqa: PLC0415
        from mediator.services.case_writes import insert_registration  # noqa: PLC0415

        types, sources = self._codes()
        checked = check_registration(reg, dispute_types=types, sources=sources)
        problems = checked.problems + _facts_problems(reg.facts)
        if problems:
            raise ValidationError(problems[0][1], field=problems[0][0], problems=problems)
        studio, mediator = self._context()
        with self._db().write() as s:
            ref = insert_registration(s, checked.reg, studio, mediator)
            if reg.facts is not None:
                add_facts_row(s, studio_id=studio.id, actor=mediator.id, case_id=ref.id,
                              clean=check_facts(reg.facts))
            return ref

    def warnings(self, reg: RegistrationInput) -> list[tuple[str, str]]:
        """What registration accepts but the documents will miss (an organisation's
        住所 or 统一社会信用代码): shown beside the fields, never blocking."""
        return organisation_gaps(reg.parties)

    def correct_party(self, case_id: str, party_id: str, inp: PartyInput, *,
                      today: dt.date | None = None) -> list[str]:
        """更正 a party's details (checked as at registration), kept in the case's
        history; returns the fields that changed.  Refused on an archived case."""
        from mediator.services.corrections import correct_party  # noqa: PLC0415

        studio, mediator = self._context()
        with self._db().write() as s:
            return correct_party(s, case_id, party_id, inp, studio=studio, mediator=mediator,
                                 today=today or dt.date.today())

    def corrections(self, case_id: str) -> list[CorrectionView]:
        """The case's correction history, oldest first."""
        out = []
        for r in self._reader.all(
            'SELECT pc.party_id, p.name, cp.role, pc.field, pc.old_value, pc.new_value, '
            "pc.corrected_at, coalesce(m.name, '') FROM party_correction pc "
            'JOIN party p ON p.id = pc.party_id '
            'JOIN case_party cp ON cp.party_id = pc.party_id AND cp.case_id = pc.case_id '
            'LEFT JOIN mediator m ON m.id = pc.mediator_id '
            'WHERE pc.case_id = ? AND pc.deleted = 0 ORDER BY pc.corrected_at, pc.rowid',
            [case_id]):
            out.append(CorrectionView(party_id=r[0], party_name=r[1], role=PartyRole(r[2]),
                                      field=r[3], old_value=r[4], new_value=r[5],
                                      at=_timestamp(r[6]), by=r[7]))
        return out

    # ------------------------------------------------------------------ reading
    def count_all(self) -> int:
        row = self._reader.one('SELECT count(*) FROM "case" WHERE deleted = 0')
        return int(row[0]) if row else 0

    def ids(self, flt: CaseFilter, limit: int | None = None) -> list[int]:
        """Local ids of the cases matching ``flt``, newest registration first
        (only the first ``limit`` of them when given: the first screen).

        One SQL statement: the full-text match is a sub-query, so no id list
        travels through Python between the index and the ordering."""
        where = ["c.deleted = 0"]
        params: dict[str, object] = {}
        source = '"case" c'
        built = search.match_query(flt.text)
        if built is not None:
            sub, params = built
            where.append(f"c.local_id IN ({sub})")
            source = '"case" c INDEXED BY ix_case_list'  # hits by id, never the wide rows
        if flt.statuses:
            names = [f"st{i}" for i in range(len(flt.statuses))]
            where.append(f"c.status IN ({', '.join(':' + n for n in names)})")
            params |= dict(zip(names, sorted(st.value for st in flt.statuses), strict=True))
        if flt.dispute_type:
            where.append("c.dispute_type = :dispute_type")
            params["dispute_type"] = flt.dispute_type
        if flt.registered_from:
            where.append("c.registered_on >= :reg_from")
            params["reg_from"] = flt.registered_from.isoformat()
        if flt.registered_to:
            where.append("c.registered_on <= :reg_to")
            params["reg_to"] = flt.registered_to.isoformat()
        sql = (f'SELECT c.local_id FROM {source} WHERE {" AND ".join(where)} '
               "ORDER BY c.registered_on DESC, c.local_id DESC")
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return [int(r[0]) for r in self._reader.all(sql, params)]

    def rows(self, rowids: Sequence[int]) -> list[CaseRow]:
        """The list lines of ``rowids``, in that order (missing ones skipped)."""
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        cases = {r[0]: r for r in self._reader.all(
            f'SELECT local_id, id, case_no, status, dispute_type, registered_on, updated_at '
            f'FROM "case" WHERE local_id IN ({marks})', list(rowids))}
        parties: dict[int, list[tuple[Any, ...]]] = {}
        for r in self._reader.all(
            f'SELECT c.local_id, cp.role, cp.position, p.name, p.id_number, p.phone '
            f'FROM "case" c JOIN case_party cp ON cp.case_id = c.id '
            f'JOIN party p ON p.id = cp.party_id '
            f"WHERE c.local_id IN ({marks}) AND cp.deleted = 0 AND cp.role != 'agent'",
            list(rowids),
        ):
            parties.setdefault(r[0], []).append(r[1:])
        out = []
        for rid in rowids:
            c = cases.get(rid)
            if c is None:
                continue
            named = sorted(parties.get(rid, []),
                           key=lambda p: (ROLE_ORDER[PartyRole(p[0])], p[1]))
            out.append(CaseRow(
                rowid=rid, id=c[1], case_no=c[2], status=CaseStatus(c[3]), dispute_type=c[4],
                parties=tuple(p[2] for p in named),
                masked_id_numbers=tuple(mask_id_number(p[3]) for p in named if p[3]),
                phones=tuple(p[4] for p in named if p[4]),
                registered_on=_date(c[5]), updated_at=_timestamp(c[6]),
            ))
        return out

    def get(self, case_id: str) -> CaseDetail:
        c = self._reader.one(
            'SELECT c.id, c.case_no, c.status, c.dispute_type, c.source, c.summary, '
            "c.requests, c.registered_on, c.referral_note, coalesce(m.name, ''), "
            's.committee_name, c.created_at, c.updated_at, c.version, c.former_case_no, '
            's.time_zone FROM "case" c JOIN studio s ON s.id = c.studio_id '
            'LEFT JOIN mediator m ON m.id = c.mediator_id '
            'WHERE c.id = ? AND c.deleted = 0', [case_id])
        if c is None:
            raise NotFoundError("找不到这个案件，可能已被删除。")
        today = dt.date.today()
        parties = []
        for p in self._reader.all(
            'SELECT p.id, cp.role, p.kind, p.name, p.sex, p.ethnicity, p.birth_date, '
            'p.id_number, p.phone, p.address, p.occupation, p.representative, '
            'p.representative_title, p.representative_role '
            'FROM case_party cp JOIN party p ON p.id = cp.party_id '
            'WHERE cp.case_id = ? AND cp.deleted = 0 ORDER BY cp.position', [case_id]):
            birth = _date(p[6]) if p[6] else None
            parties.append(PartyView(
                id=p[0], role=PartyRole(p[1]), kind=PartyKind(p[2]), name=p[3],
                sex=Sex(p[4]) if p[4] else None, ethnicity=p[5], birth_date=birth,
                age=age_on(birth, today) if birth else None, id_number=p[7], phone=p[8],
                address=p[9], occupation=p[10], representative=p[11],
                representative_title=p[12],
                representative_role=RepresentativeRole(p[13] or RepresentativeRole.LEGAL.value),
            ))
        stats = self._reader.one(
            'SELECT people_involved, group_marked, prevented_criminal, prevented_petition, '
            'prevented_fight, prevented_suicide, amount_in_dispute_fen, body_type, '
            'grade_override, grade_reason FROM case_statistics '
            'WHERE case_id = ? AND deleted = 0', [case_id])
        body = self._reader.one('SELECT s.body_type FROM "case" c JOIN studio s '
                                'ON s.id = c.studio_id WHERE c.id = ?', [case_id])
        return CaseDetail(
            facts=_stated_facts(stats), studio_body_type=_body_type(body[0] if body else ""),
            id=c[0], case_no=c[1], status=CaseStatus(c[2]), dispute_type=c[3], source=c[4],
            summary=c[5], requests=tuple(str(r) for r in json.loads(c[6] or "[]")),
            registered_on=_date(c[7]), referral_note=c[8], mediator_name=c[9],
            committee_name=c[10], parties=tuple(parties), created_at=_timestamp(c[11]),
            updated_at=_timestamp(c[12]), version=int(c[13]), former_case_no=c[14] or "",
            time_zone=c[15] or DEFAULT_ZONE,
        )


def _facts_problems(facts: CaseFacts | None) -> list[tuple[str, str]]:
    """The facts' problems as registration paths (``facts.people_involved``...)."""
    return [(f"facts.{f}", m) for f, m in facts_problems(facts)] if facts is not None else []


def _body_type(value: object) -> BodyType:
    try:
        return BodyType(str(value or "") or BodyType.VILLAGE)
    except ValueError:  # a kind a newer app knows: counted as the default here
        return BodyType.VILLAGE


def _stated_facts(row: Sequence[Any] | None) -> CaseFacts | None:
    """A case_statistics row read with raw SQL (the detail view imports no ORM)."""
    if row is None:
        return None
    prevented = {p: int(n) for p, n in zip(Prevention, row[2:6], strict=True) if n}
    override = None
    if row[8]:
        try:
            override = Grade(row[8])
        except ValueError:
            override = None
    return CaseFacts(people_involved=int(row[0]), group_marked=bool(row[1]),
                     prevented=prevented, amount_in_dispute_fen=int(row[6]),
                     body_type=_body_type(row[7]) if row[7] else None,
                     grade_override=override, grade_reason=row[9] or "")


def _date(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def _timestamp(value: object) -> dt.datetime:
    """Timestamps are stored as naive UTC (see store.models.UTCDateTime)."""
    return dt.datetime.fromisoformat(str(value)).replace(tzinfo=dt.UTC)
