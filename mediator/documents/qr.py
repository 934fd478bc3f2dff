"""The verification QR code of an agreement, and the canonical content it vouches for.

The QR payload is ``MEDIATOR-VERIFY:1:<agreement id>:<sha256 hex>``: the
agreement's UUID and the SHA-256 of its canonical content.  No name, no ID
number, no address: a phone photo of the code reveals nothing personal.

Canonical content is JSON with sorted keys, no whitespace, every string NFC
normalised, UTF-8.  :func:`agreement_content` and :func:`content_hash` are
public so ``mediator verify`` can recompute the hash from the local record (or
from the copy embedded in the PDF) and compare it with the payload.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.constants
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from mediator.documents import fonts, styles
from mediator.documents.model import AgreementInput
from mediator.errors import DocumentError

PAYLOAD_PREFIX = "MEDIATOR-VERIFY"
PAYLOAD_VERSION = "1"
CONTENT_VERSION = 1
_PAYLOAD_RE = re.compile(
    rf"^{PAYLOAD_PREFIX}:{PAYLOAD_VERSION}:([0-9A-Za-z-]{{1,64}}):([0-9a-f]{{64}})$"
)


def _nfc(obj: Any) -> Any:
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, Mapping):
        return {_nfc(k): _nfc(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_nfc(v) for v in obj]
    return obj


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, no whitespace, NFC strings, UTF-8 (not ASCII-escaped)."""
    return json.dumps(_nfc(obj), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False).encode("utf-8")


def content_hash(content: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of ``content``."""
    return hashlib.sha256(canonical_json(content)).hexdigest()


def agreement_content(agreement: AgreementInput) -> dict[str, Any]:
    """What the agreement says, as plain JSON-able data: the thing the hash protects.

    Signatures and the seal image are not content: they are checked by the
    digital signature over the whole file.
    """
    case = agreement.case
    content: dict[str, Any] = {
        "v": CONTENT_VERSION,
        "agreement_id": agreement.agreement_id,
        "number": agreement.number,
        "case_no": case.case_no,
        "committee": case.committee_name,
        "dispute_type": case.dispute_type,
        "parties": [
            {
                "role": p.role, "name": p.name, "kind": p.kind.value, "sex": p.sex,
                "ethnicity": p.ethnicity, "age": p.age, "occupation": p.occupation,
                "phone": p.phone, "address": p.address, "id_number": p.id_number,
                "representative": p.representative,
                "representative_title": p.representative_title,
            }
            for p in case.parties
        ],
        "facts": agreement.facts,
        "terms": list(agreement.terms),
        "performance": agreement.performance,
        "copies": agreement.copies,
        "date": agreement.date.isoformat(),
        "mediator": case.mediator,
        "recorder": case.recorder,
    }
    if agreement.amends_number:  # an addendum: which agreement it amends is content too
        content["amends"] = agreement.amends_number
    return content


def make_payload(agreement_id: str, digest: str) -> str:
    payload = f"{PAYLOAD_PREFIX}:{PAYLOAD_VERSION}:{agreement_id}:{digest}"
    if not _PAYLOAD_RE.match(payload):
        raise DocumentError("协议标识格式不正确，无法生成核验二维码", field="agreement_id")
    return payload


def agreement_payload(agreement: AgreementInput) -> str:
    return make_payload(agreement.agreement_id, content_hash(agreement_content(agreement)))


@dataclass(frozen=True)
class Payload:
    agreement_id: str
    digest: str


def parse_payload(text: str) -> Payload:
    match = _PAYLOAD_RE.match(text.strip())
    if not match:
        raise DocumentError("核验二维码内容格式不正确")
    return Payload(match.group(1), match.group(2))


class QRFlowable(Flowable):
    """The QR code drawn as vector squares (sharp in print), with a caption below."""

    def __init__(self, payload: str, size: float = 24 * mm, caption: str = "扫码核验") -> None:
        super().__init__()
        # A fixed mask skips qrcode's search for the "best" of eight masks (~35 ms);
        # every reader decodes any mask, the choice only tunes contrast patterns.
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0,
                             mask_pattern=2)
        code.add_data(payload)
        code.make(fit=True)
        self.matrix: list[list[bool]] = code.get_matrix()
        self.size = size
        self.caption = caption

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size + 12

    def draw(self) -> None:
        c = self.canv
        n = len(self.matrix)
        cell = self.size / n
        c.saveState()
        c.setFillColor(styles.INK)
        path = c.beginPath()
        for row, line in enumerate(self.matrix):
            y = 12 + self.size - (row + 1) * cell
            col = 0
            while col < n:  # one rectangle per horizontal run of dark modules
                if not line[col]:
                    col += 1
                    continue
                start = col
                while col < n and line[col]:
                    col += 1
                path.rect(start * cell, y, (col - start) * cell, cell)
        c.drawPath(path, stroke=0, fill=1)
        fonts.draw_string(c, self.size / 2, 2, self.caption, 7, align="centre")
        c.restoreState()
