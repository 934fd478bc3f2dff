"""Finalising an agreement (定稿): proofread, signatures, seal, digital signature.

The steps, each refused with a plain Chinese reason when its precondition is
missing, and each written to the audit log and the outbox:

1. ``confirm_proofread`` — the terminology check (订金/定金, 抚养/扶养 …) has no
   warning the mediator did not acknowledge, and every character can be printed;
2. ``sign_party`` — each party signs on screen (vector strokes) or chooses
   按指印 for the paper copy;
3. ``sign_mediator`` — the mediator signs, after every party; then a separate
   记录人, when the agreement names one, signs too (``sign_recorder``) or will sign
   the printed copies by hand (``recorder_signs_on_paper``);
4. ``approve`` — the studio head approves; the committee seal must exist, and the
   记录人's signature only when there is a separate recorder who signs on screen;
   the proofread may carry over the warnings confirmed on the outcome form;
5. ``finalise`` — the agreement is rendered with signatures and seal, digitally
   signed (PAdES, studio key), stored as an immutable blob; the row becomes
   ``final`` with ``effective_on`` = today (the 30-day 司法确认 clock starts).

Signatures collected so far live in the local Draft table (kind
``agreement-signatures``, key = agreement id) until step 5; then the signed PDF
holds them and the draft is deleted.  If the agreement's text changes after the
proofreading, the collected signatures no longer count: people signed other
words.

The wet-ink path: ``print_unsigned`` (copies for signing on paper), then
``receive_original`` stores the scan of the signed paper as an attachment and
makes the agreement final on the day the last signature or the seal was applied.

A finalised agreement is never edited: ``create_addendum`` starts a new
agreement (补充协议) that goes through the same steps.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mediator import documents
from mediator.documents import builder, fonts, signing
from mediator.documents.model import AgreementInput, Signature
from mediator.domain.clauses import unfilled_blanks
from mediator.domain.lifecycle import check_not_archived
from mediator.domain.status import PARTY_ROLE_LABELS_ZH, CaseStatus, PartyRole
from mediator.errors import ConflictError, DocumentError, NotFoundError, ValidationError
from mediator.services.documents import inputs
from mediator.services.documents.blobs import put_blob, read_blob
from mediator.services.documents.seal import load_seal
from mediator.services.workflow import confirmations
from mediator.services.workflow.finalised import (
    DRAFT_KIND,
    agreement_warnings,
    check_can_settle,
    proofread_in_unit,
    settle_final,
    text_hash,
    unit_for,
)
from mediator.services.workflow.term_check import term_rules
from mediator.store import audit, outbox
from mediator.store.models import Agreement, Attachment, Case, Draft

if TYPE_CHECKING:
    from mediator.services.workspace import Workspace

CONFIRMATION_DAYS = 30
ORIGINAL_KIND = "agreement_original"  # Attachment.kind of the scanned signed paper
MAX_SCAN_BYTES = 50_000_000


@dataclass(frozen=True)
class TermIssue:
    """One terminology warning: where (``facts`` / ``term`` n / ``performance``)."""

    where: str
    index: int  # term number from 1 when ``where == "term"``, else 0
    code: str
    matched: str
    excerpt: str
    advice: str
    suggestion: str


@dataclass(frozen=True)
class ProofreadReport:
    issues: tuple[TermIssue, ...]  # what is still to confirm or correct
    undrawable: tuple[str, ...]  # characters no bundled font can draw
    undrawable_text: str  # the same, named for a message (“㐀”(U+3400))
    confirmed: tuple[TermIssue, ...] = ()  # confirmed on the outcome form: not asked again


@dataclass(frozen=True)
class SignerView:
    party_id: str
    position: int  # 1-based, in the agreement's order
    role: str  # 申请人 / 被申请人 / 第三人
    name: str
    organisation: bool
    signed: bool
    thumbprint: bool


@dataclass(frozen=True)
class FinaliseState:
    agreement_id: str
    case_id: str
    case_no: str
    kind: str  # written | oral | addendum
    status: str  # draft | final
    signers: tuple[SignerView, ...]
    proofread: bool
    mediator_signed: bool
    approved: bool
    has_seal: bool
    is_head: bool
    text_changed: bool  # signatures were collected for an earlier text and dropped
    printed_copies: int
    original_received: bool
    effective_on: dt.date | None
    signed_blob: str | None
    recorder: str = ""  # the separate 记录人 who signs too; empty: no 记录人 line
    recorder_signed: bool = False
    recorder_on_paper: bool = False  # the 记录人 signs the printed copies by hand

    @property
    def recorder_done(self) -> bool:
        """No separate 记录人, or he has signed (on the pad, or by hand on the print)."""
        return not self.recorder or self.recorder_signed or self.recorder_on_paper

    @property
    def parties_signed(self) -> bool:
        return all(s.signed for s in self.signers)

    @property
    def copies(self) -> int:
        return len(self.signers) + 1

    @property
    def final(self) -> bool:
        return self.status == "final"

    @property
    def confirmation_deadline(self) -> dt.date | None:
        """Last day to apply jointly for 司法确认 (30 days from taking effect)."""
        return self.effective_on + dt.timedelta(days=CONFIRMATION_DAYS) \
            if self.effective_on else None

    @property
    def step(self) -> str:
        """The next thing to do: proofread, sign_parties, sign_mediator, sign_recorder (a
        separate 记录人 only), approve, finalise, done."""
        if self.final:
            return "done"
        if not self.proofread:
            return "proofread"
        if not self.parties_signed:
            return "sign_parties"
        if not self.mediator_signed:
            return "sign_mediator"
        if not self.recorder_done:
            return "sign_recorder"
        if not self.approved:
            return "approve"
        return "finalise"


@dataclass(frozen=True)
class FinalisedAgreement:
    agreement_id: str
    sha256: str
    effective_on: dt.date
    size: int


class AgreementSigning:
    """The finalisation use cases of one workspace.  Every method does database work."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # ------------------------------------------------------------------ reading
    def state(self, agreement_id: str) -> FinaliseState:
        bundle, a, payload, changed = self._load(agreement_id)
        _, me = self._ws.studio.context()
        signed = payload.get("parties", {})
        signers = tuple(
            SignerView(party_id=lk.party_id, position=i,
                       role=PARTY_ROLE_LABELS_ZH[PartyRole(lk.role)], name=lk.party.name,
                       organisation=lk.party.kind == "organisation",
                       signed=lk.party_id in signed or a.status == "final",
                       thumbprint=bool(signed.get(lk.party_id, {}).get("thumbprint")))
            for i, lk in enumerate(bundle.principals, 1))
        original = any(att.kind == ORIGINAL_KIND and not att.deleted
                       and att.filename.startswith(f"{a.id[:8]}-")
                       for att in bundle.attachments)
        return FinaliseState(
            agreement_id=a.id, case_id=bundle.case.id, case_no=bundle.case.case_no,
            kind=a.kind, status=a.status, signers=signers,
            proofread=bool(payload.get("proofread")) or a.status == "final",
            mediator_signed=bool(payload.get("mediator")) or a.status == "final",
            approved=bool(payload.get("approved_by")) or a.status == "final",
            has_seal=load_seal(self._ws.data_dir) is not None, is_head=me.role == "head",
            text_changed=changed, printed_copies=int(payload.get("printed", 0)),
            original_received=original, effective_on=a.effective_on,
            signed_blob=a.signed_blob, recorder=bundle.recorders.get(a.id, ""),
            recorder_signed=bool(payload.get("recorder")) or a.status == "final",
            recorder_on_paper=bool(payload.get("recorder_paper")))

    def proofread(self, agreement_id: str) -> ProofreadReport:
        """The terminology warnings (the studio's rules too), unfilled 【】 blanks (code
        ``blank``, never acknowledgeable) and unprintable characters of the agreement.

        A warning the mediator already confirmed on the outcome form for the very
        same text is reported apart (``confirmed``), so the wizard does not ask it
        again; one whose text changed since is asked again."""
        bundle, a, _, _ = self._load(agreement_id)
        issues, confirmed = self._issues(a)
        doc = inputs.agreement_input(bundle, a, on=dt.date.today())
        bad = fonts.undrawable_chars("".join(builder.texts_of(doc)))
        return ProofreadReport(tuple(issues), tuple(bad), fonts.describe_chars(bad),
                               tuple(confirmed))

    def _issues(self, a: Agreement) -> tuple[list[TermIssue], list[TermIssue]]:
        """(still to ask, confirmed on the form) among the agreement's warnings."""
        with self._ws.db.read() as s:
            done = confirmations.load(s, a.case_id)
        ask: list[TermIssue] = []
        confirmed: list[TermIssue] = []
        for (where, index), w in agreement_warnings(a, self._rules()):
            issue = TermIssue(where, index, w.code, w.matched, w.excerpt, w.advice,
                              w.suggestion)
            text = confirmations.place_text(a.facts or "", [str(t) for t in a.terms or []],
                                            a.performance_method or "", where, index)
            if w.acknowledgeable and confirmations.is_confirmed(done, w.code, text):
                confirmed.append(issue)
            else:
                ask.append(issue)
        return ask, confirmed

    def _with_confirmed(self, a: Agreement, acknowledged: Collection[str]) -> set[str]:
        with self._ws.db.read() as s:
            done = confirmations.load(s, a.case_id)
        terms = [str(t) for t in a.terms or []]
        return confirmations.with_confirmed(
            ((w.code, confirmations.place_text(a.facts or "", terms, a.performance_method or "",
                                               where, index))
             for (where, index), w in agreement_warnings(a, self._rules())
             if w.acknowledgeable), done, acknowledged)

    def _rules(self) -> Any:
        return term_rules(self._ws.data_dir.root)

    def preview(self, agreement_id: str) -> bytes:
        """The agreement as it stands (signatures so far; 草稿 until sealed and final)."""
        bundle, a, payload, _ = self._load(agreement_id)
        if a.status == "final" and a.signed_blob:
            return read_blob(self._ws.data_dir, a.signed_blob)
        return documents.render(self._input(bundle, a, payload, sealed=False))

    # ------------------------------------------------------------------ steps
    def confirm_proofread(self, agreement_id: str, acknowledged: Collection[str]) -> None:
        """The one proofread (shared with the workflow's ``mark_proofread``): refused while
        a warning is not acknowledged, a 【】 blank is left or a character cannot be
        printed; recorded for both flows in one transaction."""
        bundle, a, _, _ = self._load(agreement_id)
        doc = inputs.agreement_input(bundle, a, on=dt.date.today())
        printed = "".join(builder.texts_of(doc))
        codes = self._with_confirmed(a, acknowledged)  # what the form confirmed counts too
        studio, me = self._ws.studio.context()
        with self._ws.db.write() as s:
            row = self._writable(s, agreement_id)
            if row.status == "final":
                raise ConflictError("这份协议已经定稿，不能再修改签名。如需修改，请制作补充协议。")
            proofread_in_unit(unit_for(s, row.case_id, studio, me), row, codes,
                              rules=self._rules(), printed_text=printed)

    def sign_party(self, agreement_id: str, party_id: str, signature: Signature) -> None:
        def apply(p: dict[str, Any], a: Agreement, b: inputs.CaseBundle) -> None:
            self._need_proofread(p)
            ids = [lk.party_id for lk in b.principals]
            if party_id not in ids:
                raise ValidationError("签名人不是本协议的当事人", field="signature")
            p.setdefault("parties", {})[party_id] = inputs.signature_to_json(signature)
            # A party signing again (e.g. corrected) voids the later signatures.
            for later in ("mediator", "recorder", "approved_by"):
                p.pop(later, None)

        position = self._position(agreement_id, party_id)
        self._step(agreement_id, "agreement.sign_party", apply,
                   detail={"position": position, "thumbprint": signature.thumbprint})

    def clear_party(self, agreement_id: str, party_id: str) -> None:
        def apply(p: dict[str, Any], a: Agreement, b: inputs.CaseBundle) -> None:
            p.setdefault("parties", {}).pop(party_id, None)
            for later in ("mediator", "recorder", "approved_by"):
                p.pop(later, None)

        self._step(agreement_id, "agreement.clear_signature", apply,
                   detail={"position": self._position(agreement_id, party_id)})

    def sign_mediator(self, agreement_id: str, signature: Signature) -> None:
        if signature.thumbprint:
            raise ValidationError("人民调解员应当签名，不能以指印代替", field="signature")

        def apply(p: dict[str, Any], a: Agreement, b: inputs.CaseBundle) -> None:
            self._need_proofread(p)
            missing = self._missing_parties(p, b)
            if missing:
                raise DocumentError("还有当事人未签名：" + "、".join(missing), field="signature")
            p["mediator"] = inputs.signature_to_json(signature)

        self._step(agreement_id, "agreement.sign_mediator", apply)

    def sign_recorder(self, agreement_id: str, signature: Signature) -> None:
        """The separate 记录人 signs the agreement (the line is printed only when one is named)."""
        if signature.thumbprint:
            raise ValidationError("记录人应当签名，不能以指印代替", field="signature")

        def apply(p: dict[str, Any], a: Agreement, b: inputs.CaseBundle) -> None:
            self._need_proofread(p)
            if not b.recorders.get(a.id):
                raise ValidationError("这份协议没有另设记录人，无需记录人签名", field="signature")
            p["recorder"] = inputs.signature_to_json(signature)
            p.pop("recorder_paper", None)

        self._step(agreement_id, "agreement.sign_recorder", apply)

    def recorder_signs_on_paper(self, agreement_id: str) -> None:
        """The named 记录人 signs the printed copies by hand instead of on the pad: his
        line is printed blank for the pen, and the approval no longer waits for him."""
        def apply(p: dict[str, Any], a: Agreement, b: inputs.CaseBundle) -> None:
            self._need_proofread(p)
            if not b.recorders.get(a.id):
                raise ValidationError("这份协议没有另设记录人，无需记录人签名", field="signature")
            p.pop("recorder", None)
            p["recorder_paper"] = True

        self._step(agreement_id, "agreement.recorder_on_paper", apply)

    def approve(self, agreement_id: str) -> None:
        """The studio head approves; the seal will be applied when finalising."""
        _, me = self._ws.studio.context()
        if me.role != "head":
            raise DocumentError("只有工作室负责人可以批准协议并加盖印章")
        if load_seal(self._ws.data_dir) is None:
            raise DocumentError("尚未导入调解委员会印章，不能批准定稿。请负责人先导入印章。",
                                field="seal")

        def apply(p: dict[str, Any], a: Agreement, b: inputs.CaseBundle) -> None:
            self._need_proofread(p)
            missing = self._missing_parties(p, b)
            if not p.get("mediator"):
                missing.append("人民调解员签名")
            # Only an agreement that names a separate 记录人 prints his line, so only then
            # is his signature due; one who signs the printed copy by hand is not asked.
            if b.recorders.get(a.id) and not p.get("recorder") and not p.get("recorder_paper"):
                missing.append("记录人签名（或选择记录人在纸质文本上签名）")
            if missing:
                raise DocumentError("协议尚不能批准，缺少：" + "、".join(missing))
            p["approved_by"] = me.id

        self._step(agreement_id, "agreement.approve", apply)

    def finalise(self, agreement_id: str, *, passphrase: bytes | None = None,
                 on: dt.date | None = None) -> FinalisedAgreement:
        """Render with signatures and seal, sign digitally, store; the agreement is final.

        In the same transaction the workflow records every signature and the seal, and
        a case still in mediation moves to 调解成功 (refused up front, before anything
        is signed, when the case cannot).  ``on``: the agreement's date (today unless
        given, e.g. for sample data).
        """
        bundle, a, payload, _ = self._load(agreement_id)
        if a.status == "final":
            raise ConflictError("这份协议已经定稿，不能再次签署。如需修改，请制作补充协议。")
        self._need_proofread(payload)
        if not payload.get("approved_by"):
            raise DocumentError("协议尚未经工作室负责人批准，不能定稿")
        today = on or dt.date.today()
        with self._ws.db.read() as s:
            check_can_settle(s, self._row(s, agreement_id), today)
        doc = self._input(bundle, a, payload, sealed=True, on=today)
        pdf = documents.render(doc, final=True)  # refuses a missing signature or seal
        studio, me = self._ws.studio.context()
        identity = signing.ensure_studio_identity(self._ws.data_dir.keys,
                                                  studio.committee_name, passphrase=passphrase)
        signed = signing.sign_pdf(pdf, identity, reason="人民调解协议书定稿",
                                  location=studio.committee_name)
        sha = put_blob(self._ws.data_dir, signed)  # before the row: never a row without file
        with self._ws.db.write() as s:
            row = self._writable(s, agreement_id)
            if row.status == "final":
                raise ConflictError("这份协议已经定稿，不能再次签署。")
            if text_hash(row) != payload.get("text_hash"):
                raise ConflictError("协议内容在签名期间被修改，签名已失效，请重新校对和签名。")
            row.status = "final"
            row.signed_blob = sha
            row.effective_on = today
            row.copies = doc.copies
            s.execute(delete(Draft).where(Draft.kind == DRAFT_KIND, Draft.key == agreement_id))
            outbox.enqueue(s, "agreement", row.id)
            settle_final(unit_for(s, row.case_id, studio, me), row, today, today=today)
            audit.record(s, studio_id=studio.id, actor=me.id, action="agreement.finalise",
                         entity="agreement", entity_id=row.id,
                         detail={"sha256": sha, "copies": doc.copies,
                                 "thumbprints": sum(1 for x in doc.signatures
                                                    if x is not None and x.thumbprint)})
        return FinalisedAgreement(agreement_id, sha, today, len(signed))

    # ------------------------------------------------------------------ wet ink
    def print_unsigned(self, agreement_id: str) -> bytes:
        """Copies for signing on paper (one per party plus one): the proofread text, sealed."""
        bundle, a, payload, _ = self._load(agreement_id)
        if a.status == "final":
            raise ConflictError("这份协议已经定稿，请打印已签署的文本。")
        self._need_proofread(payload)
        seal = load_seal(self._ws.data_dir)
        if seal is None:
            raise DocumentError(
                "尚未导入调解委员会印章，打印的协议会标为草稿。请负责人先导入印章。", field="seal")
        doc = inputs.agreement_input(bundle, a, on=dt.date.today(), seal=seal)
        pdf = documents.render(doc)
        self._step(agreement_id, "agreement.print_unsigned",
                   lambda p, row, b: p.update(printed=int(p.get("printed", 0)) + doc.copies),
                   detail={"copies": doc.copies})
        return pdf

    def receive_original(self, agreement_id: str, scan: bytes, *, filename: str,
                         mime: str = "application/pdf",
                         effective_on: dt.date | None = None) -> str:
        """Store the scan of the signed paper and make the agreement final (原件已收回).

        ``effective_on``: the day the last signature or the seal was applied on paper.
        Returns the attachment id.
        """
        if not scan:
            raise ValidationError("扫描件为空，请重新选择文件", field="scan")
        if len(scan) > MAX_SCAN_BYTES:
            raise ValidationError("扫描件过大（超过50MB），请降低扫描分辨率", field="scan")
        on = effective_on or dt.date.today()
        if on > dt.date.today():
            raise ValidationError("生效日期不能晚于今天", field="effective_on")
        bundle, a, payload, _ = self._load(agreement_id)
        if a.status == "final":
            raise ConflictError("这份协议已经定稿。")
        self._need_proofread(payload)
        if on < bundle.case.registered_on:
            raise ValidationError("生效日期不能早于受理日期", field="effective_on")
        with self._ws.db.read() as s:
            check_can_settle(s, self._row(s, agreement_id), on)
        sha = put_blob(self._ws.data_dir, scan)
        studio, me = self._ws.studio.context()
        suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"
        with self._ws.db.write() as s:
            row = self._writable(s, agreement_id)
            if row.status == "final":
                raise ConflictError("这份协议已经定稿。")
            att = Attachment(studio_id=studio.id, case_id=row.case_id, sha256=sha,
                             filename=f"{row.id[:8]}-signed-original.{suffix}", mime=mime,
                             size=len(scan), kind=ORIGINAL_KIND)
            s.add(att)
            row.status = "final"
            row.effective_on = on
            row.copies = len(bundle.principals) + 1
            s.flush()
            s.execute(delete(Draft).where(Draft.kind == DRAFT_KIND, Draft.key == agreement_id))
            outbox.enqueue(s, "attachment", att.id)
            audit.record(s, studio_id=studio.id, actor=me.id, action="agreement.original_received",
                         entity="agreement", entity_id=row.id,
                         detail={"attachment": att.id, "sha256": sha, "size": len(scan)})
            outbox.enqueue(s, "agreement", row.id)
            settle_final(unit_for(s, row.case_id, studio, me), row, on, today=dt.date.today())
            return att.id

    # ------------------------------------------------------------------ addendum
    def create_addendum(self, agreement_id: str, *, facts: str, terms: Sequence[str],
                        performance_method: str = "",
                        performance_deadline: dt.date | None = None) -> str:
        """A 补充协议 to a final agreement (the only way to change it); returns its id."""
        clean_terms = [t.strip() for t in terms if t.strip()]
        if not clean_terms:
            raise ValidationError("补充协议内容为空，请填写协议条款", field="terms")
        left = [(path, blank) for path, text in (("facts", facts), ("performance_method",
                performance_method), *((f"terms[{i}]", t) for i, t in enumerate(terms)))
                for blank in unfilled_blanks(text)]
        if left:  # like the agreement's draft: a clause's 【…】 is never saved
            raise ValidationError("补充协议中还有未填写的" + "、".join(
                dict.fromkeys(f"【{b}】" for _p, b in left)) + "，请改为实际内容",
                field=left[0][0], problems=[(p, f"【{b}】还没有填写") for p, b in left])
        studio, me = self._ws.studio.context()
        with self._ws.db.write() as s:
            original = self._writable(s, agreement_id)
            if original.status != "final":
                raise ValidationError("原协议尚未定稿，请直接修改原协议", field="agreement")
            # The page names the amended agreement from amends_id (under its number).
            addendum = Agreement(studio_id=studio.id, case_id=original.case_id, kind="addendum",
                                 amends_id=original.id, facts=facts.strip(), terms=clean_terms,
                                 performance_method=performance_method.strip(),
                                 performance_deadline=performance_deadline,
                                 amount_fen=0, copies=0, status="draft")
            s.add(addendum)
            s.flush()
            outbox.enqueue(s, "agreement", addendum.id)
            audit.record(s, studio_id=studio.id, actor=me.id, action="agreement.addendum",
                         entity="agreement", entity_id=addendum.id,
                         detail={"amends": original.id, "terms": len(clean_terms)})
            return addendum.id

    # ------------------------------------------------------------------ helpers
    def _load(self, agreement_id: str
              ) -> tuple[inputs.CaseBundle, Agreement, dict[str, Any], bool]:
        with self._ws.db.read() as s:
            row = s.get(Agreement, agreement_id)
            if row is None or row.deleted:
                raise NotFoundError("找不到这份协议，可能已被删除。")
            case_id = row.case_id
            draft = s.get(Draft, (DRAFT_KIND, agreement_id))
            payload = dict(draft.payload) if draft is not None else {}
            bundle = inputs.load_bundle(s, case_id=case_id)
        a = bundle.agreement(agreement_id)
        changed = bool(payload) and payload.get("text_hash") != text_hash(a)
        if changed:
            payload = {}
        return bundle, a, payload, changed

    def _row(self, s: Session, agreement_id: str) -> Agreement:
        row = s.get(Agreement, agreement_id)
        if row is None or row.deleted:
            raise NotFoundError("找不到这份协议，可能已被删除。")
        return row

    def _writable(self, s: Session, agreement_id: str) -> Agreement:
        """The agreement to change, refused when its case is archived (read-only)."""
        row = self._row(s, agreement_id)
        status = s.execute(select(Case.status).where(Case.id == row.case_id)).scalar_one()
        check_not_archived(CaseStatus(status))
        return row

    def _position(self, agreement_id: str, party_id: str) -> int:
        bundle, _, _, _ = self._load(agreement_id)
        for i, lk in enumerate(bundle.principals, 1):
            if lk.party_id == party_id:
                return i
        raise ValidationError("签名人不是本协议的当事人", field="signature")

    @staticmethod
    def _need_proofread(payload: dict[str, Any]) -> None:
        if not payload.get("proofread"):
            raise DocumentError("协议尚未校对，请先完成用语校对再签名")

    @staticmethod
    def _missing_parties(payload: dict[str, Any], b: inputs.CaseBundle) -> list[str]:
        signed = payload.get("parties", {})
        return [f"第{i}位当事人（{PARTY_ROLE_LABELS_ZH[PartyRole(lk.role)]}）的签名或指印"
                for i, lk in enumerate(b.principals, 1) if lk.party_id not in signed]

    def _input(self, b: inputs.CaseBundle, a: Agreement, payload: dict[str, Any], *,
               sealed: bool, on: dt.date | None = None) -> AgreementInput:
        sigs = {pid: sig for pid, data in payload.get("parties", {}).items()
                if (sig := inputs.signature_from_json(data)) is not None}
        seal = load_seal(self._ws.data_dir) if sealed and payload.get("approved_by") else None
        return inputs.agreement_input(
            b, a, on=on or dt.date.today(), signatures=sigs,
            mediator_signature=inputs.signature_from_json(payload.get("mediator")),
            recorder_signature=inputs.signature_from_json(payload.get("recorder")), seal=seal)

    def _step(self, agreement_id: str, action: str, apply: Any,
              detail: dict[str, Any] | None = None) -> None:
        """Change the collected signatures in one transaction with audit and outbox."""
        studio, me = self._ws.studio.context()
        with self._ws.db.read() as s:
            case_id = self._row(s, agreement_id).case_id
            bundle = inputs.load_bundle(s, case_id=case_id)
        with self._ws.db.write() as s:
            row = self._writable(s, agreement_id)
            if row.status == "final":
                raise ConflictError("这份协议已经定稿，不能再修改签名。如需修改，请制作补充协议。")
            draft = s.get(Draft, (DRAFT_KIND, agreement_id))
            # A deep copy: the JSON column only notices a value that differs from the old one.
            payload: dict[str, Any] = json.loads(json.dumps(draft.payload)) \
                if draft is not None else {}
            current = text_hash(row)
            if payload.get("text_hash") != current:
                payload = {"text_hash": current}
            apply(payload, row, bundle)
            if draft is None:
                s.add(Draft(kind=DRAFT_KIND, key=agreement_id, payload=payload))
            else:
                draft.payload = payload
            outbox.enqueue(s, "agreement", row.id)
            audit.record(s, studio_id=studio.id, actor=me.id, action=action,
                         entity="agreement", entity_id=row.id, detail=detail or {})
