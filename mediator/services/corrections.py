"""更正 — correcting a party's details after registration, with the case's history.

A wrong digit in a phone number or a misspelt name found after 受理 is corrected
here, checked exactly as at registration (:func:`~mediator.services.registration.
check_party`), and every changed field is kept as a :class:`~mediator.store.
workflow_models.PartyCorrection` row: which field, old → new, when (UTC; shown on
the studio's clock) and by whom.  Documents read the party's row when they are
made, so anything printed after the correction carries the new details.  The
audit log names the fields only, never the values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mediator.domain.lifecycle import check_not_archived
from mediator.domain.status import CaseStatus, PartyKind, PartyRole
from mediator.errors import NotFoundError, ValidationError
from mediator.services.dto import PartyInput
from mediator.services.registration import check_party

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediator.store.models import Mediator, Party, Studio

#: The party's fields a correction may change, in the form's reading order.
CORRECTABLE = ("name", "sex", "ethnicity", "birth_date", "id_number", "phone", "address",
               "occupation", "representative", "representative_title", "representative_role")


@dataclass(frozen=True)
class CorrectionView:
    """One line of a case's correction history."""

    party_id: str
    party_name: str  # as it is now
    role: PartyRole
    field: str  # one of CORRECTABLE
    old_value: str
    new_value: str
    at: dt.datetime  # UTC
    by: str  # the mediator's name


def _stored(value: object) -> str:
    """A field's value as kept in the history (dates ISO, enums by code)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "value", value))


def _party_values(party: Party) -> dict[str, str]:
    return {key: _stored(getattr(party, key)) for key in CORRECTABLE}


def _input_values(p: PartyInput) -> dict[str, str]:
    org = p.kind is PartyKind.ORGANISATION
    values = {key: _stored(getattr(p, key)) for key in CORRECTABLE}
    if not org:  # a person has no representative: the columns stay as they are
        for key in ("representative", "representative_title", "representative_role"):
            values.pop(key)
    return values


def correct_party(s: Session, case_id: str, party_id: str, inp: PartyInput, *,
                  studio: Studio, mediator: Mediator, today: dt.date) -> list[str]:
    """Check and apply ``inp`` to the party in the caller's transaction; returns the
    fields that changed (empty: nothing to do).  Problems are raised together as one
    :class:`ValidationError` with paths like ``phone`` (the card's field names)."""
    from sqlalchemy import select  # noqa: PLC0415 - the write path only

    from mediator.services.search_fields import searchable_fields  # noqa: PLC0415
    from mediator.store import audit, outbox, search  # noqa: PLC0415
    from mediator.store.models import Case, CaseParty, Party  # noqa: PLC0415
    from mediator.store.workflow_models import PartyCorrection  # noqa: PLC0415

    case = s.execute(select(Case).where(Case.id == case_id, Case.deleted.is_(False))
                     ).scalar_one_or_none()
    if case is None:
        raise NotFoundError("找不到这个案件，可能已被删除。")
    check_not_archived(CaseStatus(case.status))
    link = s.execute(select(CaseParty).where(
        CaseParty.case_id == case_id, CaseParty.party_id == party_id,
        CaseParty.deleted.is_(False))).scalar_one_or_none()
    party = s.get(Party, party_id)
    if link is None or party is None or party.deleted:
        raise NotFoundError("找不到这位当事人，可能已被删除，请刷新后重试。")
    # Role and kind are the case's facts, not details: they stay as registered.
    inp.role, inp.kind = PartyRole(link.role), PartyKind(party.kind)
    problems: list[tuple[str, str]] = []
    clean = check_party(problems, 0, inp, today)
    others = s.execute(select(Party.id_number).join(CaseParty, CaseParty.party_id == Party.id)
                       .where(CaseParty.case_id == case_id, CaseParty.deleted.is_(False),
                              Party.id != party_id)).scalars()
    if clean.id_number and clean.id_number in set(others):
        problems.append(("parties[0].id_number", "同一身份证号码在本案中出现了不止一次。"))
    if problems:
        paths = [(path.removeprefix("parties[0]."), message) for path, message in problems]
        raise ValidationError(paths[0][1], field=paths[0][0], problems=paths)
    before, after = _party_values(party), _input_values(clean)
    changed = [key for key, value in after.items() if before[key] != value]
    if not changed:
        return []
    now = dt.datetime.now(dt.UTC)
    for key in changed:
        value = getattr(clean, key)
        setattr(party, key, getattr(value, "value", value) if key != "birth_date" else value)
        row = PartyCorrection(studio_id=studio.id, case_id=case_id, party_id=party_id,
                              field=key, old_value=before[key], new_value=after[key],
                              corrected_at=now, mediator_id=mediator.id)
        s.add(row)
        s.flush()
        outbox.enqueue(s, "party_correction", row.id)
    outbox.enqueue(s, "party", party.id)
    parties = s.execute(select(Party).join(CaseParty, CaseParty.party_id == Party.id).where(
        CaseParty.case_id == case_id, CaseParty.deleted.is_(False))).scalars().all()
    search.upsert_case_text(s.connection(), case.local_id, searchable_fields(
        case.case_no, case.summary, case.requests, case.referral_note, parties))
    audit.record(s, studio_id=studio.id, actor=mediator.id, action="party.correct",
                 entity="party", entity_id=party.id,
                 detail={"case": case_id, "fields": changed})
    return changed
