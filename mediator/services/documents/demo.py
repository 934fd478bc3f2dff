"""Finalised, digitally signed agreements for ``mediator demo`` (synthetic signatures).

:func:`sign_demo_agreements` takes the written draft agreements of the newest
demo cases that reached one (调解成功, 履行中, 已回访, 司法确认中, 已归档) — and,
in a database whose agreed cases have no agreement row (older demo data), drafts
one from the case's facts and requests — and walks each through the real
finalisation service: proofread, every party signs (synthetic pen strokes, one
party of each third case chooses 按指印), the mediator signs, the head approves,
the studio key signs.  The agreement keeps the date it was reached on.  Without a
studio seal the sample seal (marked 样章) is installed first.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from sqlalchemy import select

from mediator.documents import samples
from mediator.documents.model import Signature
from mediator.domain.status import CaseStatus
from mediator.services.documents.finalise import AgreementSigning
from mediator.services.documents.seal import install_seal, load_seal
from mediator.store import audit, outbox
from mediator.store.models import Agreement, Case

if TYPE_CHECKING:
    from mediator.services.workspace import Workspace

AGREED_STATUSES = (CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.FOLLOWED_UP,
                   CaseStatus.CONFIRMING, CaseStatus.ARCHIVED)
PERFORMANCE = ("款项于协议生效之日起十五日内一次性支付；其余事项于三十日内履行完毕，"
               "由人民调解委员会回访监督。")


def _terms(requests: list[str]) -> list[str]:
    terms = [f"经协商，{r.removeprefix('请求')}，双方对此无异议；" for r in requests if r]
    terms.append("本协议履行完毕后，双方就本纠纷再无其他争议。")
    return terms


#: ``mediator demo`` signs one agreement per this many cases (at least one) ...
CASES_PER_SIGNED = 40
#: ... and no more than this many: each is rendered and digitally signed for real.
MAX_SIGNED = 25


def demo_signed_count(cases: int) -> int:
    """How many finalised agreements ``mediator demo --cases N`` makes."""
    return min(MAX_SIGNED, max(1, cases // CASES_PER_SIGNED))


def final_agreement_case_numbers(ws: Workspace, limit: int = 3) -> list[str]:
    """Case numbers of (the newest) cases with a finalised, digitally signed agreement."""
    with ws.db.read() as s:
        return [str(no) for no in s.execute(
            select(Case.case_no).join(Agreement, Agreement.case_id == Case.id)
            .where(Case.deleted.is_(False), Agreement.deleted.is_(False),
                   Agreement.status == "final", Agreement.signed_blob.is_not(None))
            .order_by(Case.registered_on.desc(), Case.local_id).limit(limit)).scalars()]


def sign_demo_agreements(ws: Workspace, count: int = 5, *, seed: int = 1) -> int:
    """Finalise and digitally sign agreements in up to ``count`` agreed demo cases;
    returns how many were signed."""
    if count <= 0:
        return 0
    if load_seal(ws.data_dir) is None:
        install_seal(ws.data_dir, samples.sample_seal().png)
    studio, me = ws.studio.context()
    agreed = [st.value for st in AGREED_STATUSES]
    with ws.db.write() as s:
        drafts = [(aid, on) for aid, on in s.execute(
            select(Agreement.id, Agreement.effective_on).join(Case, Case.id == Agreement.case_id)
            .where(Case.deleted.is_(False), Case.status.in_(agreed),
                   Agreement.deleted.is_(False), Agreement.kind == "written",
                   Agreement.status == "draft")
            .order_by(Case.registered_on.desc(), Case.local_id, Agreement.id).limit(count))]
        with_agreement = select(Agreement.case_id).where(Agreement.deleted.is_(False))
        cases = list(s.execute(
            select(Case).where(Case.deleted.is_(False), Case.status.in_(agreed),
                               Case.id.not_in(with_agreement))
            .order_by(Case.registered_on.desc(), Case.local_id)
            .limit(count - len(drafts))).scalars()) if len(drafts) < count else []
        for case in cases:
            a = Agreement(studio_id=studio.id, case_id=case.id, kind="written",
                          facts=case.summary, terms=_terms([str(r) for r in case.requests]),
                          performance_method=PERFORMANCE, status="draft")
            s.add(a)
            s.flush()
            outbox.enqueue(s, "agreement", a.id)
            drafts.append((a.id, None))
        audit.record(s, studio_id=studio.id, actor=me.id, action="demo.agreements",
                     detail={"agreements": len(drafts), "drafted": len(cases), "seed": seed})
    signing = AgreementSigning(ws)
    rng = random.Random(seed)
    for n, (agreement_id, on) in enumerate(drafts):
        report = signing.proofread(agreement_id)
        signing.confirm_proofread(agreement_id, {i.code for i in report.issues
                                                 if i.code != "blank"})
        signers = signing.state(agreement_id).signers
        for signer in signers:
            thumb = n % 3 == 2 and signer.position == len(signers)
            sig = Signature(thumbprint=True) if thumb else \
                samples.synthetic_signature(rng.randrange(1_000_000))
            signing.sign_party(agreement_id, signer.party_id, sig)
        signing.sign_mediator(agreement_id, samples.synthetic_signature(rng.randrange(1_000_000)))
        signing.approve(agreement_id)
        signing.finalise(agreement_id, on=on)
    return len(drafts)


__all__ = ["demo_signed_count", "final_agreement_case_numbers", "sign_demo_agreements"]
