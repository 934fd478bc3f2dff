"""A case's documents: which it has, each rendered, all exported with the dossier.

:meth:`DocumentService.documents` lists the documents a case holds, in the
卷内目录 order, with the English file names of ``mediator export``
(application.pdf, registration.pdf, notice.pdf, authorisation.pdf,
investigation-N.pdf, session-N.pdf, agreement.pdf, oral-agreement.pdf,
followup-N.pdf, refusal.pdf, termination.pdf, confirmation.pdf); dossier.pdf
is the cover and contents followed by every document.

A finalised agreement is exported as the stored signed file, byte for byte, so
its digital signature stays valid; every other document is rendered from the
database.  Export renders everything in memory first and only then writes each
file atomically: a refused document leaves no partial set behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mediator import documents
from mediator.documents import model
from mediator.documents.builder import write_atomic
from mediator.documents.model import DossierCategory as Cat
from mediator.domain.status import CaseStatus
from mediator.errors import NotFoundError
from mediator.services.documents import inputs
from mediator.services.documents.blobs import read_blob
from mediator.services.documents.finalise import ORIGINAL_KIND
from mediator.services.documents.merge import merge_pdfs, page_count
from mediator.services.documents.seal import load_seal
from mediator.services.workflow.finalised import DRAFT_KIND, text_hash
from mediator.store.models import Agreement, Draft

if TYPE_CHECKING:
    from mediator.services.workspace import Workspace

DOSSIER_FILE = "dossier.pdf"
# After these statuses the rights notice (告知) has been given.
_NOT_NOTIFIED = {CaseStatus.REGISTERED, CaseStatus.REFUSED}


@dataclass(frozen=True)
class DocumentInfo:
    """One document of a case, as listed in the documents panel."""

    key: str  # file stem, e.g. "session-2"
    title: str  # Chinese title as printed, e.g. 人民调解记录（第2次）
    category: Cat
    date: dt.date | None
    signed: bool = False  # a digitally signed, final agreement
    draft: bool = False  # an agreement still being finalised
    agreement_id: str | None = None
    parties: int = 0  # copies to print = parties + 1

    @property
    def filename(self) -> str:
        return f"{self.key}.pdf"


@dataclass(frozen=True)
class ExportReport:
    case_no: str
    out_dir: Path
    files: tuple[Path, ...]


@dataclass(frozen=True)
class _Plan:
    info: DocumentInfo
    make: Callable[[], bytes]


class DocumentService:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # ------------------------------------------------------------------ public
    def documents(self, case_id: str) -> list[DocumentInfo]:
        return [p.info for p in self._plan(self._bundle(case_id=case_id))]

    def render(self, case_id: str, key: str) -> bytes:
        """One document as PDF bytes (``key`` as listed, or ``dossier``)."""
        bundle = self._bundle(case_id=case_id)
        plans = self._plan(bundle)
        if key == "dossier":
            return self._dossier(bundle, plans)
        for p in plans:
            if p.info.key == key:
                return p.make()
        raise NotFoundError("这个案件没有这份文书。")

    def export(self, case_no: str, out_dir: str | Path) -> ExportReport:
        """Write every document of the case plus dossier.pdf into ``out_dir``."""
        bundle = self._bundle(case_no=case_no)
        plans = self._plan(bundle)
        rendered = [(p.info.filename, p.make()) for p in plans]
        dossier = self._dossier(bundle, plans, rendered=[data for _, data in rendered])
        out = Path(out_dir)
        written = [write_atomic(out / name, data) for name, data in rendered]
        written.append(write_atomic(out / DOSSIER_FILE, dossier))
        return ExportReport(bundle.case.case_no, out, tuple(written))

    # ------------------------------------------------------------------ planning
    def _bundle(self, *, case_id: str | None = None, case_no: str | None = None
                ) -> inputs.CaseBundle:
        with self._ws.db.read() as s:
            return inputs.load_bundle(s, case_id=case_id, case_no=case_no)

    def _plan(self, b: inputs.CaseBundle) -> list[_Plan]:
        seal = load_seal(self._ws.data_dir)
        c = b.case
        status = CaseStatus(c.status)
        reg = c.registered_on
        n = len(b.principals)
        plans: list[_Plan] = []

        def add(key: str, title: str, cat: Cat, date: dt.date | None,
                make: Callable[[], bytes], **kw: object) -> None:
            info = DocumentInfo(key, title, cat, date, parties=n, **kw)  # type: ignore[arg-type]
            plans.append(_Plan(info, make))

        if c.source == "party_application":
            add("application", "人民调解申请书", Cat.APPLICATION, reg,
                lambda: documents.render(inputs.application_input(b)))
        add("registration", "人民调解受理登记表", Cat.APPLICATION, reg,
            lambda: documents.render(inputs.registration_input(b, seal)))
        if status not in _NOT_NOTIFIED:
            add("notice", "当事人权利义务告知书", Cat.RIGHTS_NOTICE, reg,
                lambda: documents.render(inputs.rights_notice_input(b)))
        auth_inputs = [x for x in (inputs.authorisation_input(b, ag) for ag in b.agents) if x]
        for i, auth in enumerate(auth_inputs, 1):
            add("authorisation" if i == 1 else f"authorisation-{i}", "授权委托书",
                Cat.AUTHORISATION, auth.date, _renderer(auth))
        for i, inv in enumerate(b.investigations, 1):
            doc = inputs.investigation_input(b, inv, i)
            add(f"investigation-{i}", f"调查记录（第{i}次）", Cat.INVESTIGATION,
                doc.started_at.date(), _renderer(doc))
        for i, ses in enumerate(b.sessions, 1):
            sdoc = inputs.session_input(b, ses, i, seal)
            add(f"session-{i}", f"人民调解记录（第{i}次）", Cat.SESSION, sdoc.date,
                _renderer(sdoc))
        self._plan_agreements(b, seal, add)
        for i, f in enumerate(b.follow_ups, 1):
            add(f"followup-{i}", f"回访记录（第{i}次）", Cat.FOLLOW_UP, f.visited_on,
                _renderer(inputs.follow_up_input(b, f, i)))
        if status is CaseStatus.CONFIRMING:
            written = [a for a in b.agreements if a.kind == "written" and a.status == "final"]
            if written:
                a = written[-1]
                on = a.effective_on or reg
                agreement = inputs.agreement_input(b, a, on=on, seal=seal)
                conf = model.ConfirmationInput(agreement=agreement, court="", date=on)
                add("confirmation", "司法确认申请书", Cat.CONFIRMATION, on, _renderer(conf))
        if status is CaseStatus.REFUSED:
            add("refusal", "不予受理通知书", Cat.NOTES, reg,
                _renderer(inputs.refusal_input(b, seal)))
        if status is CaseStatus.TERMINATED:
            on = inputs.studio_time(b, c.updated_at).date()
            add("termination", "终止调解通知书", Cat.NOTES, on,
                _renderer(inputs.termination_input(b, seal, on)))
        order = {cat: i for i, cat in enumerate(Cat)}
        return sorted(plans, key=lambda p: order[p.info.category])  # stable within one

    def _plan_agreements(self, b: inputs.CaseBundle, seal: model.Seal | None,
                         add: Callable[..., None]) -> None:
        addenda = 0
        for a in b.agreements:
            if a.kind == "oral":
                on = a.effective_on or dt.date.today()
                doc = inputs.agreement_input(b, a, on=on, seal=seal)
                add("oral-agreement", "口头协议登记表", Cat.AGREEMENT, on,
                    lambda doc=doc: documents.render(doc, oral=True), agreement_id=a.id)
                continue
            if a.kind == "addendum":
                addenda += 1
                key, title = f"addendum-{addenda}", "人民调解协议书（补充协议）"
            else:
                key, title = "agreement", "人民调解协议书"
            final = a.status == "final"
            add(key, title, Cat.AGREEMENT, a.effective_on, self._agreement_maker(b, a, seal),
                signed=final and bool(a.signed_blob), draft=not final, agreement_id=a.id)

    def _agreement_maker(self, b: inputs.CaseBundle, a: Agreement,
                         seal: model.Seal | None) -> Callable[[], bytes]:
        data_dir = self._ws.data_dir

        def make() -> bytes:
            if a.status == "final" and a.signed_blob:
                return read_blob(data_dir, a.signed_blob)
            if a.status == "final":  # signed on paper: the scan is the original
                scans = [att for att in b.attachments if att.kind == ORIGINAL_KIND
                         and att.filename.startswith(f"{a.id[:8]}-")
                         and att.mime == "application/pdf"]
                if scans:
                    return read_blob(data_dir, scans[-1].sha256)
                on = a.effective_on or dt.date.today()
                return documents.render(inputs.agreement_input(b, a, on=on, seal=seal))
            return documents.render(self._draft_agreement(b, a))

        return make

    def _draft_agreement(self, b: inputs.CaseBundle, a: Agreement
                         ) -> model.AgreementInput:
        """A draft agreement with the signatures collected so far (no seal: marked 草稿)."""
        with self._ws.db.read() as s:
            draft = s.get(Draft, (DRAFT_KIND, a.id))
            payload = dict(draft.payload) if draft is not None else {}
        if payload.get("text_hash") != text_hash(a):
            payload = {}
        sigs = {pid: sig for pid, data in payload.get("parties", {}).items()
                if (sig := inputs.signature_from_json(data)) is not None}
        return inputs.agreement_input(
            b, a, on=dt.date.today(), signatures=sigs,
            mediator_signature=inputs.signature_from_json(payload.get("mediator")),
            recorder_signature=inputs.signature_from_json(payload.get("recorder")))

    # ------------------------------------------------------------------ dossier
    def _dossier(self, b: inputs.CaseBundle, plans: list[_Plan],
                 rendered: list[bytes] | None = None) -> bytes:
        pdfs = rendered if rendered is not None else [p.make() for p in plans]
        entries = tuple(model.DossierEntry(p.info.category, p.info.title, p.info.date,
                                           page_count(pdf))
                        for p, pdf in zip(plans, pdfs, strict=True))
        dates = [b.case.registered_on, *(p.info.date for p in plans if p.info.date)]
        cover = model.DossierInput(
            case=inputs.doc_case(b, b.case.registered_on), title=inputs.case_title(b),
            mediators=b.mediator_name, date_from=b.case.registered_on, date_to=max(dates),
            filed_by=b.mediator_name, filed_on=dt.date.today(),
            retention=inputs.RETENTION_LABELS.get(b.case.retention_class, ""),
            entries=entries)
        return merge_pdfs([documents.render(cover), *pdfs], title="人民调解卷宗")


def _renderer(doc: object) -> Callable[[], bytes]:
    return lambda: documents.render(doc)
