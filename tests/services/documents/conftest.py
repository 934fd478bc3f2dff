"""A set-up workspace with the water-leak case, a draft agreement and the sample seal."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mediator.documents import samples
from mediator.services.documents import AgreementSigning, DocumentService, install_seal
from mediator.services.workspace import Workspace
from tests.services.documents.builders import draft_agreement, register_water_leak


@dataclass
class Leak:
    ws: Workspace
    case_id: str
    case_no: str
    agreement_id: str
    signing: AgreementSigning
    docs: DocumentService


@pytest.fixture
def leak(workspace: Workspace) -> Leak:
    return make_leak(workspace)


def make_leak(workspace: Workspace) -> Leak:
    case_id, case_no = register_water_leak(workspace, company=True)
    agreement_id = draft_agreement(workspace, case_id)
    install_seal(workspace.data_dir, samples.sample_seal().png)
    return Leak(workspace, case_id, case_no, agreement_id, AgreementSigning(workspace),
                DocumentService(workspace))


def sign_everything(leak: Leak, *, thumb_last: bool = False) -> None:
    s = leak.signing
    report = s.proofread(leak.agreement_id)
    s.confirm_proofread(leak.agreement_id, {i.code for i in report.issues})
    signers = s.state(leak.agreement_id).signers
    for n, signer in enumerate(signers):
        sig = samples.synthetic_signature(n + 1)
        if thumb_last and n == len(signers) - 1:
            from mediator.documents.model import Signature

            sig = Signature(thumbprint=True)
        s.sign_party(leak.agreement_id, signer.party_id, sig)
    s.sign_mediator(leak.agreement_id, samples.synthetic_signature(11))
    s.approve(leak.agreement_id)
