"""Official 人民调解 documents as PDFs: renderers, fonts, QR, signing, verification.

Never imports Qt, the store or the services: callers fill the plain inputs of
:mod:`mediator.documents.model` and get bytes back.

    pdf = documents.render(AgreementInput(...), final=True)   # bytes
    documents.save(AgreementInput(...), path)                 # atomic write
    signed = signing.sign_pdf(pdf, identity)                  # incremental PAdES
    result = verify.verify_pdf(path, [studio_cert])           # VerifyResult
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mediator.documents import model
from mediator.documents.builder import write_atomic
from mediator.documents.renderers import (
    agreement,
    application,
    authorisation,
    confirmation,
    dossier,
    followup,
    investigation,
    notice,
    oral_agreement,
    registration,
    rights_notice,
    session,
)
from mediator.errors import DocumentError


def _renderers() -> dict[type, Callable[[Any], bytes]]:
    return {
        model.ApplicationInput: application.render,
        model.RegistrationFormInput: registration.render,
        model.RightsNoticeInput: rights_notice.render,
        model.AuthorisationInput: authorisation.render,
        model.InvestigationInput: investigation.render,
        model.SessionRecordInput: session.render,
        model.FollowUpInput: followup.render,
        model.RefusalNoticeInput: notice.render_refusal,
        model.TerminationNoticeInput: notice.render_termination,
        model.DossierInput: dossier.render,
        model.ConfirmationInput: confirmation.render,
    }


def render(doc: Any, *, final: bool = False, oral: bool = False) -> bytes:
    """Render any document input to PDF bytes.

    An :class:`~model.AgreementInput` renders the written agreement (``final=True``
    refuses a missing signature or seal) or, with ``oral=True``, the 口头协议登记表.
    """
    if isinstance(doc, model.AgreementInput):
        return oral_agreement.render(doc) if oral else agreement.render(doc, final=final)
    renderer = _renderers().get(type(doc))
    if renderer is None:
        raise DocumentError(f"不支持的文书类型：{type(doc).__name__}")
    return renderer(doc)


def save(doc: Any, path: str | os.PathLike[str], **kwargs: Any) -> Path:
    """Render ``doc`` and write it atomically to ``path`` (nothing written on error)."""
    return write_atomic(path, render(doc, **kwargs))
