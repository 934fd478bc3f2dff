"""Documents of a case as the user meets them: listed, previewed, printed, exported,
and the agreement finalised with signatures, seal and the studio's digital signature.

    docs = DocumentService(ws)            # list / render / export (mediator export)
    signing = AgreementSigning(ws)        # proofread -> signatures -> seal -> PAdES
    verify_file(ws.data_dir, path)        # mediator verify
    install_seal(ws.data_dir, png_bytes)  # the studio head's seal import

Everything here does database or file work: in the GUI it runs on the TaskRunner.
"""

from __future__ import annotations

from mediator.services.documents.finalise import (
    AgreementSigning,
    FinalisedAgreement,
    FinaliseState,
    ProofreadReport,
    SignerView,
    TermIssue,
)
from mediator.services.documents.seal import check_seal_png, install_seal, load_seal
from mediator.services.documents.service import DocumentInfo, DocumentService, ExportReport
from mediator.services.documents.verify import verify_file

__all__ = [
    "AgreementSigning",
    "DocumentInfo",
    "DocumentService",
    "ExportReport",
    "FinaliseState",
    "FinalisedAgreement",
    "ProofreadReport",
    "SignerView",
    "TermIssue",
    "check_seal_png",
    "install_seal",
    "load_seal",
    "verify_file",
]
