"""Case files at each stage of a neighbours' water-leak dispute, for the rule tests.

Each builder returns the previous stage's file with that stage's records added,
so a test can take a complete file and remove exactly the thing it checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mediator.domain.archive import RetentionClass
from mediator.domain.casefile import (
    AgreementForm,
    AgreementRecord,
    ArchiveRecord,
    CaseFile,
    CourtBasis,
    FollowUpRecord,
    InvestigationRecord,
    JudicialRecord,
    Obligation,
    PartyRecord,
    SessionRecord,
    TerminationRecord,
)
from mediator.domain.status import CaseStatus, PartyRole

D = dt.date
REGISTERED_ON = D(2026, 3, 2)
APPLICANT = PartyRecord("p-app", PartyRole.APPLICANT, 1, identity_proof=True)
RESPONDENT = PartyRecord("p-resp", PartyRole.RESPONDENT, 1, identity_proof=True)
BOTH = frozenset({APPLICANT.id, RESPONDENT.id})


def registered() -> CaseFile:
    return CaseFile(
        status=CaseStatus.REGISTERED,
        source="party_application",
        dispute_type="neighbour",
        registered_on=REGISTERED_ON,
        parties=(APPLICANT, RESPONDENT),
    )


def notified() -> CaseFile:
    case = registered()
    parties = tuple(replace(p, notice_acknowledged_on=D(2026, 3, 3)) for p in case.parties)
    return replace(case, status=CaseStatus.NOTIFIED, parties=parties)


def investigating() -> CaseFile:
    return replace(
        notified(),
        status=CaseStatus.INVESTIGATING,
        investigations=(InvestigationRecord("inv-1", D(2026, 3, 5), signed=True),),
    )


def mediating() -> CaseFile:
    return replace(
        investigating(),
        status=CaseStatus.MEDIATING,
        sessions=(SessionRecord("s-1", D(2026, 3, 10), signed=True),),
    )


def written_agreement(**changes: object) -> AgreementRecord:
    agreement = AgreementRecord(
        form=AgreementForm.WRITTEN,
        reached_on=D(2026, 3, 10),
        terms=3,
        obligations=(
            Obligation("ob-1", D(2026, 3, 20), amount_fen=300_000),
            Obligation("ob-2", D(2026, 3, 31)),
        ),
        states_performance=True,
        signature_slots=BOTH,
        signed_by=BOTH,
        mediator_signed=True,
        recorder_signed=True,
        sealed=True,
        copies=3,
        completed_on=D(2026, 3, 10),
        amount_fen=300_000,
        proofread=True,
    )
    return replace(agreement, **changes)  # type: ignore[arg-type]


def agreed() -> CaseFile:
    return replace(mediating(), status=CaseStatus.AGREED, agreement=written_agreement())


def performing() -> CaseFile:
    return replace(agreed(), status=CaseStatus.PERFORMING)


def performed() -> CaseFile:
    """Both obligations performed on time, with proof."""
    case = performing()
    assert case.agreement is not None
    done = tuple(replace(ob, performed_on=ob.due, proof=True) for ob in case.agreement.obligations)
    return replace(case, agreement=replace(case.agreement, obligations=done))


def followed_up() -> CaseFile:
    return replace(
        performed(),
        status=CaseStatus.FOLLOWED_UP,
        follow_ups=(FollowUpRecord("fu-1", D(2026, 4, 10), performed=True, signed=True),),
    )


def ready_to_archive() -> CaseFile:
    return replace(followed_up(), archive=ArchiveRecord(RetentionClass.SHORT))


def judicial(**changes: object) -> JudicialRecord:
    record = JudicialRecord(
        applied_on=D(2026, 3, 20),
        court_basis=CourtBasis.PARTY_DOMICILE,
        court="佛山市南海区人民法院",
        applicants=BOTH,
    )
    return replace(record, **changes)  # type: ignore[arg-type]


def terminated(after_sessions: bool = True) -> CaseFile:
    base = mediating() if after_sessions else registered()
    return replace(
        base,
        status=CaseStatus.TERMINATED,
        termination=TerminationRecord(D(2026, 3, 12), "双方对赔偿数额分歧过大", ("诉讼",)),
    )
