"""What the fields of a conflict are called, and how their values read, in the
user's language.

A conflict lists the fields that differ between this PC's copy and the server's.
A mediator must recognise them as the forms name them (姓名, 住所, 纠纷简要情况),
never as column names (``address``, ``summary``), and read the values as the forms
show them: 调解中 rather than ``mediating``, 是/否 rather than ``True``, a time on
the studio's clock rather than an ISO string in UTC.  An organisation's 名称,
住所 and 统一社会信用代码 are named as such, a person's as 姓名, 住址, 身份证号.

Every field of the shared row schema (:mod:`mediator.sync.schema`) has a label
here; a test keeps it so.  The names are marked for lupdate with
QT_TRANSLATE_NOOP and translated when shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mediator.domain.status import (
    CaseStatus,
    PartyKind,
    PartyRole,
    RepresentativeRole,
    Sex,
)
from mediator.domain.studio_time import wall_clock
from mediator.sync.schema import fields
from mediator.ui.labels import Labels

CONTEXT = "ConflictsPage"

# By field name; the overrides below name a field whose meaning depends on its record.
FIELD_LABELS: dict[str, object] = {
    "name": QT_TRANSLATE_NOOP("ConflictsPage", "Name"),
    "role": QT_TRANSLATE_NOOP("ConflictsPage", "Role"),
    "active": QT_TRANSLATE_NOOP("ConflictsPage", "Active"),
    "case_no": QT_TRANSLATE_NOOP("ConflictsPage", "Case number"),
    "year": QT_TRANSLATE_NOOP("ConflictsPage", "Year of the case number"),
    "seq": QT_TRANSLATE_NOOP("ConflictsPage", "Serial of the case number"),
    "status": QT_TRANSLATE_NOOP("ConflictsPage", "Case status"),
    "dispute_type": QT_TRANSLATE_NOOP("ConflictsPage", "Type of dispute"),
    "source": QT_TRANSLATE_NOOP("ConflictsPage", "Source of the case"),
    "summary": QT_TRANSLATE_NOOP("ConflictsPage", "Summary of the dispute"),
    "requests": QT_TRANSLATE_NOOP("ConflictsPage", "Requests"),
    "registered_on": QT_TRANSLATE_NOOP("ConflictsPage", "Date registered"),
    "referral_note": QT_TRANSLATE_NOOP("ConflictsPage", "Referral note"),
    "mediator_id": QT_TRANSLATE_NOOP("ConflictsPage", "Mediator"),
    "created_at": QT_TRANSLATE_NOOP("ConflictsPage", "Entered on"),
    "status_reason": QT_TRANSLATE_NOOP("ConflictsPage", "Reason for the status"),
    "retention_class": QT_TRANSLATE_NOOP("ConflictsPage", "Retention period"),
    "legal_hold": QT_TRANSLATE_NOOP("ConflictsPage", "Held from disposal"),
    "former_case_no": QT_TRANSLATE_NOOP("ConflictsPage", "Former case number"),
    "kind": QT_TRANSLATE_NOOP("ConflictsPage", "Kind"),
    "sex": QT_TRANSLATE_NOOP("ConflictsPage", "Sex"),
    "ethnicity": QT_TRANSLATE_NOOP("ConflictsPage", "Ethnicity"),
    "birth_date": QT_TRANSLATE_NOOP("ConflictsPage", "Date of birth"),
    "id_number": QT_TRANSLATE_NOOP("ConflictsPage", "ID number"),
    "phone": QT_TRANSLATE_NOOP("ConflictsPage", "Phone"),
    "address": QT_TRANSLATE_NOOP("ConflictsPage", "Address"),
    "occupation": QT_TRANSLATE_NOOP("ConflictsPage", "Occupation or post"),
    "representative": QT_TRANSLATE_NOOP(
        "ConflictsPage", "Legal representative or person in charge"),
    "representative_title": QT_TRANSLATE_NOOP("ConflictsPage", "Post of the representative"),
    "representative_role": QT_TRANSLATE_NOOP("ConflictsPage", "Representative's office"),
    "case_id": QT_TRANSLATE_NOOP("ConflictsPage", "Case"),
    "party_id": QT_TRANSLATE_NOOP("ConflictsPage", "Party"),
    "position": QT_TRANSLATE_NOOP("ConflictsPage", "Order"),
    "represents_id": QT_TRANSLATE_NOOP("ConflictsPage", "Represents"),
    "held_at": QT_TRANSLATE_NOOP("ConflictsPage", "Date and time"),
    "place": QT_TRANSLATE_NOOP("ConflictsPage", "Place"),
    "investigator": QT_TRANSLATE_NOOP("ConflictsPage", "Investigator"),
    "interviewee": QT_TRANSLATE_NOOP("ConflictsPage", "Person interviewed"),
    "recorder": QT_TRANSLATE_NOOP("ConflictsPage", "Recorder"),
    "content": QT_TRANSLATE_NOOP("ConflictsPage", "Content"),
    "subject": QT_TRANSLATE_NOOP("ConflictsPage", "Subject"),
    "participants": QT_TRANSLATE_NOOP("ConflictsPage", "Participants"),
    "is_public": QT_TRANSLATE_NOOP("ConflictsPage", "Held in public"),
    "privacy_consent": QT_TRANSLATE_NOOP("ConflictsPage", "Consent to a public session"),
    "statements": QT_TRANSLATE_NOOP("ConflictsPage", "Statements"),
    "evidence": QT_TRANSLATE_NOOP("ConflictsPage", "Evidence"),
    "risk_warning": QT_TRANSLATE_NOOP("ConflictsPage", "Risk warning"),
    "result": QT_TRANSLATE_NOOP("ConflictsPage", "Result"),
    "facts": QT_TRANSLATE_NOOP("ConflictsPage", "Main facts"),
    "terms": QT_TRANSLATE_NOOP("ConflictsPage", "Terms of the agreement"),
    "performance_method": QT_TRANSLATE_NOOP("ConflictsPage", "Manner of performance"),
    "performance_deadline": QT_TRANSLATE_NOOP("ConflictsPage", "Performance deadline"),
    "amount_fen": QT_TRANSLATE_NOOP("ConflictsPage", "Amount"),
    "copies": QT_TRANSLATE_NOOP("ConflictsPage", "Copies"),
    "effective_on": QT_TRANSLATE_NOOP("ConflictsPage", "Effective on"),
    "signed_blob": QT_TRANSLATE_NOOP("ConflictsPage", "Signed document"),
    "amends_id": QT_TRANSLATE_NOOP("ConflictsPage", "Amends the agreement"),
    "visited_on": QT_TRANSLATE_NOOP("ConflictsPage", "Visited on"),
    "performed": QT_TRANSLATE_NOOP("ConflictsPage", "Performed"),
    "satisfaction": QT_TRANSLATE_NOOP("ConflictsPage", "Satisfaction"),
    "lawsuit": QT_TRANSLATE_NOOP("ConflictsPage", "Lawsuit and its result"),
    "escalation": QT_TRANSLATE_NOOP("ConflictsPage", "Escalation"),
    "measures": QT_TRANSLATE_NOOP("ConflictsPage", "Measures taken"),
    "visitor": QT_TRANSLATE_NOOP("ConflictsPage", "Visited by"),
    "sha256": QT_TRANSLATE_NOOP("ConflictsPage", "File fingerprint"),
    "filename": QT_TRANSLATE_NOOP("ConflictsPage", "File name"),
    "mime": QT_TRANSLATE_NOOP("ConflictsPage", "File type"),
    "size": QT_TRANSLATE_NOOP("ConflictsPage", "File size"),
    "written_application": QT_TRANSLATE_NOOP("ConflictsPage", "Written application"),
    "status_matters": QT_TRANSLATE_NOOP("ConflictsPage", "Matters of the step"),
    "refused_on": QT_TRANSLATE_NOOP("ConflictsPage", "Refused on"),
    "refusal_reason": QT_TRANSLATE_NOOP("ConflictsPage", "Reason for refusal"),
    "terminated_on": QT_TRANSLATE_NOOP("ConflictsPage", "Terminated on"),
    "termination_reason": QT_TRANSLATE_NOOP("ConflictsPage", "Reason for termination"),
    "routes_explained": QT_TRANSLATE_NOOP("ConflictsPage", "Other routes explained"),
    "archived_on": QT_TRANSLATE_NOOP("ConflictsPage", "Archived on"),
    "case_party_id": QT_TRANSLATE_NOOP("ConflictsPage", "Party"),
    "notice_acknowledged_on": QT_TRANSLATE_NOOP("ConflictsPage", "Notice acknowledged on"),
    "identity_proof": QT_TRANSLATE_NOOP("ConflictsPage", "Identity papers"),
    "power_of_attorney": QT_TRANSLATE_NOOP("ConflictsPage", "Power of attorney"),
    "agent_powers": QT_TRANSLATE_NOOP("ConflictsPage", "Agent's powers"),
    "record_kind": QT_TRANSLATE_NOOP("ConflictsPage", "Kind of record"),
    "record_id": QT_TRANSLATE_NOOP("ConflictsPage", "Record"),
    "signed_on": QT_TRANSLATE_NOOP("ConflictsPage", "Signed on"),
    "agreement_id": QT_TRANSLATE_NOOP("ConflictsPage", "Mediation agreement"),
    "reached_on": QT_TRANSLATE_NOOP("ConflictsPage", "Reached on"),
    "signature_slots": QT_TRANSLATE_NOOP("ConflictsPage", "Who signs"),
    "signed_by": QT_TRANSLATE_NOOP("ConflictsPage", "Signed by"),
    "mediator_signed": QT_TRANSLATE_NOOP("ConflictsPage", "Signed by the mediator"),
    "recorder_signed": QT_TRANSLATE_NOOP("ConflictsPage", "Signed by the recorder"),
    "sealed": QT_TRANSLATE_NOOP("ConflictsPage", "Sealed"),
    "completed_on": QT_TRANSLATE_NOOP("ConflictsPage", "Completed on"),
    "proofread": QT_TRANSLATE_NOOP("ConflictsPage", "Wording checked"),
    "acknowledged_terms": QT_TRANSLATE_NOOP("ConflictsPage", "Terms confirmed in the check"),
    "description": QT_TRANSLATE_NOOP("ConflictsPage", "Performance item"),
    "obligor_id": QT_TRANSLATE_NOOP("ConflictsPage", "Obligor"),
    "due": QT_TRANSLATE_NOOP("ConflictsPage", "Due"),
    "performed_on": QT_TRANSLATE_NOOP("ConflictsPage", "Performed on"),
    "obligation_id": QT_TRANSLATE_NOOP("ConflictsPage", "Performance item"),
    "paid_on": QT_TRANSLATE_NOOP("ConflictsPage", "Paid on"),
    "method": QT_TRANSLATE_NOOP("ConflictsPage", "Method"),
    "note": QT_TRANSLATE_NOOP("ConflictsPage", "Note"),
    "proof_attachment_id": QT_TRANSLATE_NOOP("ConflictsPage", "Proof"),
    "granted_on": QT_TRANSLATE_NOOP("ConflictsPage", "Granted on"),
    "new_due": QT_TRANSLATE_NOOP("ConflictsPage", "New deadline"),
    "consented_by": QT_TRANSLATE_NOOP("ConflictsPage", "Consented by"),
    "reason": QT_TRANSLATE_NOOP("ConflictsPage", "Reason"),
    "applied_on": QT_TRANSLATE_NOOP("ConflictsPage", "Applied on"),
    "court_basis": QT_TRANSLATE_NOOP("ConflictsPage", "Basis of the application"),
    "court": QT_TRANSLATE_NOOP("ConflictsPage", "Court"),
    "applicants": QT_TRANSLATE_NOOP("ConflictsPage", "Applicants"),
    "decided_on": QT_TRANSLATE_NOOP("ConflictsPage", "Decided on"),
    "confirmed": QT_TRANSLATE_NOOP("ConflictsPage", "Confirmed"),
    "ruling_no": QT_TRANSLATE_NOOP("ConflictsPage", "Ruling number"),
    "skipped_steps": QT_TRANSLATE_NOOP("ConflictsPage", "Skipped steps"),
    "field": QT_TRANSLATE_NOOP("ConflictsPage", "Corrected detail"),
    "old_value": QT_TRANSLATE_NOOP("ConflictsPage", "Before the correction"),
    "new_value": QT_TRANSLATE_NOOP("ConflictsPage", "After the correction"),
    "corrected_at": QT_TRANSLATE_NOOP("ConflictsPage", "Corrected on"),
    "visitors": QT_TRANSLATE_NOOP("ConflictsPage", "Visitors"),
    "disputes_found": QT_TRANSLATE_NOOP("ConflictsPage", "Disputes found"),
    "disputes_prevented": QT_TRANSLATE_NOOP("ConflictsPage", "Disputes prevented"),
    "notes": QT_TRANSLATE_NOOP("ConflictsPage", "Notes"),
    "people_involved": QT_TRANSLATE_NOOP("ConflictsPage", "People involved"),
    "group_marked": QT_TRANSLATE_NOOP("ConflictsPage", "Marked as a group dispute"),
    "group_dispute": QT_TRANSLATE_NOOP("ConflictsPage", "Group dispute"),
    "prevented_criminal": QT_TRANSLATE_NOOP("ConflictsPage", "Criminal cases prevented"),
    "prevented_petition": QT_TRANSLATE_NOOP("ConflictsPage", "Group petitions prevented"),
    "prevented_fight": QT_TRANSLATE_NOOP("ConflictsPage", "Group fights prevented"),
    "prevented_suicide": QT_TRANSLATE_NOOP("ConflictsPage", "Suicides prevented"),
    "amount_in_dispute_fen": QT_TRANSLATE_NOOP("ConflictsPage", "Amount in dispute"),
    "body_type": QT_TRANSLATE_NOOP("ConflictsPage", "Kind of mediation body"),
    "grade": QT_TRANSLATE_NOOP("ConflictsPage", "Grade of the dispute"),
    "grade_override": QT_TRANSLATE_NOOP("ConflictsPage", "Grade set by hand"),
    "grade_reason": QT_TRANSLATE_NOOP("ConflictsPage", "Reason for the grade"),
    "screening_id": QT_TRANSLATE_NOOP("ConflictsPage", "Screening visit"),
    "deleted": QT_TRANSLATE_NOOP("ConflictsPage", "Deleted"),
}

# (entity, field) whose name differs from the field's usual one.
ENTITY_FIELD_LABELS: dict[tuple[str, str], object] = {
    ("mediator", "name"): QT_TRANSLATE_NOOP("ConflictsPage", "Mediator's name"),
    ("mediator", "role"): QT_TRANSLATE_NOOP("ConflictsPage", "Duty in the studio"),
    ("agreement", "status"): QT_TRANSLATE_NOOP("ConflictsPage", "Agreement status"),
    ("agreement", "kind"): QT_TRANSLATE_NOOP("ConflictsPage", "Kind of agreement"),
    ("party", "kind"): QT_TRANSLATE_NOOP("ConflictsPage", "Kind of party"),
    ("attachment", "kind"): QT_TRANSLATE_NOOP("ConflictsPage", "Kind of attachment"),
}

# A party that is an organisation: its name, number and address as its papers say.
ORGANISATION_LABELS: dict[str, object] = {
    "name": QT_TRANSLATE_NOOP("ConflictsPage", "Name of the organisation"),
    "id_number": QT_TRANSLATE_NOOP("ConflictsPage", "Unified social credit code"),
    "address": QT_TRANSLATE_NOOP("ConflictsPage", "Domicile"),
}

# An organisation's representative, by office (the documents' row label).
REPRESENTATIVE_ROLES: dict[RepresentativeRole, object] = {
    RepresentativeRole.LEGAL: QT_TRANSLATE_NOOP("ConflictsPage", "Legal representative"),
    RepresentativeRole.PRINCIPAL: QT_TRANSLATE_NOOP("ConflictsPage", "Person in charge"),
}

_AMOUNTS = frozenset({"amount_fen", "amount_in_dispute_fen"})


def _tr(source: object) -> str:
    """Translated in this module's context (QT_TRANSLATE_NOOP marks are typed object)."""
    return QCoreApplication.translate(CONTEXT, str(source))


def field_label(entity: str, field: str, record: dict[str, Any] | None = None) -> str:
    """The field's name as the forms call it, in the interface language."""
    if entity == "party" and record is not None and \
            record.get("kind") == PartyKind.ORGANISATION.value and field in ORGANISATION_LABELS:
        return _tr(ORGANISATION_LABELS[field])
    source = ENTITY_FIELD_LABELS.get((entity, field)) or FIELD_LABELS.get(field)
    if source is None:  # a newer PC's field: say so in words, not its column name
        return _tr("Another detail")
    return _tr(source)


def _kind(entity: str, field: str) -> str:
    for f in fields(entity):
        if f.name == field:
            return f.kind
    return ""


def _coded(labels: Labels, entity: str, field: str, value: str) -> str | None:
    """A coded value (a status, a role…) as the user reads it; None if not coded."""
    try:
        if field == "status" and entity == "case":
            return labels.status(CaseStatus(value))
        if field == "dispute_type":
            return labels.dispute_type(value)
        if field == "source":
            return labels.case_source(value)
        if field == "role" and entity == "case_party":
            return labels.role(PartyRole(value))
        if field == "sex":
            return labels.sex(Sex(value))
        if field == "kind" and entity == "party":
            return labels.kind(PartyKind(value))
        if field == "representative_role":
            return _tr(REPRESENTATIVE_ROLES[RepresentativeRole(value)])
    except ValueError:
        return None  # an unknown (newer) code: shown as it came
    return None


def value_text(labels: Labels, entity: str, field: str, value: Any, *, text: str,
               zone: str) -> str:
    """``value`` (as it travels) for the screen; ``text`` is the core's rendering
    (lists joined, references named), used where nothing better applies."""
    if value is None or value in ("", []):
        return _tr("(empty)")
    kind = _kind(entity, field)
    if isinstance(value, bool) or kind == "b":
        return _tr("yes") if value else _tr("no")
    if kind == "dt" and isinstance(value, str):
        try:
            return wall_clock(dt.datetime.fromisoformat(value), zone).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return text
    if field in _AMOUNTS and isinstance(value, int):
        return _tr("%1 yuan").replace("%1", f"{value / 100:,.2f}")
    if isinstance(value, str):
        coded = _coded(labels, entity, field, value)
        if coded is not None:
            return coded
    return text
