"""Checking a signed document: what ``mediator verify FILE.pdf`` reports.

Three questions, each with a Chinese reason when the answer is no:

1. Integrity — every signature's digest matches the bytes it covers, and what
   was appended after a signature is at most further signatures (pyHanko's
   difference analysis), so text cannot be changed in a later update.
2. Trust — the signing certificate chains to a given root: the studio's own
   (self-signed) certificate, or the district CA root after enrolment.
3. Content — the QR payload's hash equals the hash of the canonical content
   embedded in the file, and, when the caller has the local record, of that too.

Outcome ``VALID`` (exit 0), ``INVALID`` (1: the file is not what it claims,
including a damaged or truncated signed PDF), ``ERROR`` (2: nothing to check —
missing file, not a PDF).  Nothing here raises for a bad file.
"""

from __future__ import annotations

import enum
import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from mediator.documents import embedded, qr
from mediator.documents.model import AgreementInput
from mediator.errors import DocumentError, MediatorError
from mediator.safe_input import MAX_PDF_BYTES, read_capped

log = logging.getLogger(__name__)
# pyHanko logs every untrusted or broken signature with a traceback at WARNING; a
# verify run reports those itself.  Without a handler of their own the records
# would hit logging's last-resort stderr handler; an app's root handlers still get them.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())


class Outcome(enum.StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    ERROR = "error"


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer: str  # certificate subject CN (a studio or committee, not a person)
    signed_at: str  # signer-reported time, ISO 8601, or ""
    intact: bool
    trusted: bool
    covers_whole_file: bool


@dataclass(frozen=True)
class VerifyResult:
    outcome: Outcome
    reason: str  # Chinese, one line
    signatures: tuple[SignatureReport, ...] = ()
    agreement_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.VALID

    @property
    def exit_code(self) -> int:
        return {Outcome.VALID: 0, Outcome.INVALID: 1, Outcome.ERROR: 2}[self.outcome]


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def load_certificates(path: Path) -> list[x509.Certificate]:
    """PEM (one or more) or DER certificates from a file, e.g. the district root."""
    try:
        data = read_capped(Path(path), 1024 * 1024, "证书文件")
    except MediatorError as exc:
        raise DocumentError(exc.message) from None
    try:
        if b"-----BEGIN" in data:
            return list(x509.load_pem_x509_certificates(data))
        return [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise DocumentError("根证书文件格式不正确") from exc


def _invalid(reason: str, **kw: Any) -> VerifyResult:
    return VerifyResult(Outcome.INVALID, reason, **kw)


def verify_pdf(source: Path | bytes, trust_roots: Sequence[x509.Certificate], *,
               local_content: AgreementInput | Mapping[str, Any] | None = None
               ) -> VerifyResult:
    """Verify every signature of a PDF, its chain to ``trust_roots``, and its QR content.

    ``local_content``: the agreement as this PC's database has it (input or the
    canonical content dict), to catch a validly signed but different document.
    """
    if isinstance(source, bytes):
        data = source
    else:
        if not Path(source).exists():
            return VerifyResult(Outcome.ERROR, "文件不存在")
        try:
            data = read_capped(Path(source), MAX_PDF_BYTES, "PDF文件")
        except MediatorError as exc:
            return VerifyResult(Outcome.ERROR, exc.message)
    if data[:1024].lstrip()[:5] != b"%PDF-":
        return VerifyResult(Outcome.ERROR, "不是PDF文件")
    if b"%%EOF" not in data[-1024:]:
        # Every complete PDF (and every signed revision) ends so; without it pyHanko
        # would scan the whole file (17 s and 740 MB for 60 MB of zeros) to say the same.
        return _invalid("文件已损坏或被截断，签名无法核验")
    try:
        return _verify(data, trust_roots, local_content)
    except Exception:  # a damaged file can break the parser anywhere: refuse, never crash
        log.info("verify: unreadable signed PDF", exc_info=True)
        return _invalid("文件已损坏或被截断，签名无法核验")


def _verify(data: bytes, trust_roots: Sequence[x509.Certificate],
            local_content: AgreementInput | Mapping[str, Any] | None) -> VerifyResult:
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    sigs = reader.embedded_signatures
    if not sigs:
        return _invalid("文件没有数字签名")
    context = ValidationContext(trust_roots=[_asn1(c) for c in trust_roots],
                                allow_fetching=False, revocation_mode="soft-fail")
    reports: list[SignatureReport] = []
    problem: str | None = None
    for sig in sigs:
        status = validate_pdf_signature(sig, context)
        cn = status.signing_cert.subject.native.get("common_name", "") if \
            status.signing_cert is not None else ""
        signed_at = status.signer_reported_dt.isoformat() if status.signer_reported_dt else ""
        whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
        reports.append(SignatureReport(sig.field_name, str(cn), signed_at,
                                       bool(status.intact and status.valid),
                                       bool(status.trusted), whole))
        if problem:
            continue
        if not (status.intact and status.valid):
            problem = "签名后文件内容被修改，签名无效"
        elif status.modification_level is not None and \
                status.modification_level > ModificationLevel.FORM_FILLING:
            problem = "签名后文件被追加修改，签名无效"
        elif not status.docmdp_ok and status.modification_level is not None:
            problem = "签名后的修改不符合文档权限设置"
        elif not status.trusted:
            problem = "签名证书不是本工作室或区级根证书签发的，无法确认签署人"
    if problem:
        return _invalid(problem, signatures=tuple(reports))
    if not reports[-1].covers_whole_file:
        return _invalid("最后一个签名之后有未签名的追加内容", signatures=tuple(reports))
    return _check_content(reader, local_content, tuple(reports))


def _check_content(reader: PdfFileReader, local: AgreementInput | Mapping[str, Any] | None,
                   reports: tuple[SignatureReport, ...]) -> VerifyResult:
    attached = embedded.read(reader)
    if attached is None:
        if local is not None:
            return _invalid("文件中没有协议核验数据，无法与本机记录比对", signatures=reports)
        return VerifyResult(Outcome.VALID, "签名有效，文件自签名后未被修改", reports)
    try:
        payload = qr.parse_payload(str(attached.get("payload", "")))
    except DocumentError:
        return _invalid("核验二维码内容格式不正确", signatures=reports)
    content = attached.get("content")
    if not isinstance(content, Mapping) or qr.content_hash(content) != payload.digest:
        return _invalid("协议内容与核验二维码的哈希值不一致", signatures=reports,
                        agreement_id=payload.agreement_id)
    if content.get("agreement_id") != payload.agreement_id:
        return _invalid("协议编号与核验二维码不一致", signatures=reports,
                        agreement_id=payload.agreement_id)
    if local is not None:
        local_map = qr.agreement_content(local) if isinstance(local, AgreementInput) else local
        if qr.content_hash(local_map) != payload.digest:
            return _invalid("文件内容与本机记录不一致", signatures=reports,
                            agreement_id=payload.agreement_id)
    return VerifyResult(Outcome.VALID, "签名有效，协议内容与核验二维码一致", reports,
                        agreement_id=payload.agreement_id)
