"""Finalised, digitally signed agreements for ``mediator demo`` (synthetic signatures).

:func:`sign_demo_agreements` takes cases whose demo status says an agreement
was reached and has none yet, drafts a written agreement from the case's
facts and requests, and walks it through the real finalisation service:
proofread, every party signs (synthetic pen strokes, one party of each third
case chooses 按指印), the mediator signs, the head approves, the studio key
signs.  Without a studio seal the sample seal (marked 样章) is installed first.
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


def sign_demo_agreements(ws: Workspace, count: int = 5, *, seed: int = 1) -> int:
    """Finalise and digitally sign agreements in up to ``count`` agreed demo cases."""
    if count <= 0:
        return 0
    if load_seal(ws.data_dir) is None:
        install_seal(ws.data_dir, samples.sample_seal().png)
    studio, me = ws.studio.context()
    with ws.db.write() as s:
        with_agreement = select(Agreement.case_id).where(Agreement.deleted.is_(False))
        cases = list(s.execute(
            select(Case).where(Case.deleted.is_(False),
                               Case.status.in_([st.value for st in AGREED_STATUSES]),
                               Case.id.not_in(with_agreement))
            .order_by(Case.registered_on.desc(), Case.local_id).limit(count)).scalars())
        made = []
        for case in cases:
            a = Agreement(studio_id=studio.id, case_id=case.id, kind="written",
                          facts=case.summary, terms=_terms([str(r) for r in case.requests]),
                          performance_method=PERFORMANCE, status="draft")
            s.add(a)
            s.flush()
            outbox.enqueue(s, "agreement", a.id)
            made.append(a.id)
        audit.record(s, studio_id=studio.id, actor=me.id, action="demo.agreements",
                     detail={"agreements": len(made), "seed": seed})
    signing = AgreementSigning(ws)
    rng = random.Random(seed)
    for n, agreement_id in enumerate(made):
        report = signing.proofread(agreement_id)
        signing.confirm_proofread(agreement_id, {i.code for i in report.issues})
        for signer in signing.state(agreement_id).signers:
            thumb = n % 3 == 2 and signer.position == len(signing.state(agreement_id).signers)
            sig = Signature(thumbprint=True) if thumb else \
                samples.synthetic_signature(rng.randrange(1_000_000))
            signing.sign_party(agreement_id, signer.party_id, sig)
        signing.sign_mediator(agreement_id, samples.synthetic_signature(rng.randrange(1_000_000)))
        signing.approve(agreement_id)
        signing.finalise(agreement_id)
    return len(made)


__all__ = ["sign_demo_agreements"]
