"""``mediator verify FILE.pdf``: the file checked against what this PC trusts and holds.

Trust roots come from the data dir only: the studio's own certificate
(self-signed until enrolment), the district CA chain installed at enrolment,
and a district root the administrator placed as ``district-root.pem`` (in the
data dir or its ``keys/``).  When the agreement named by the file's QR payload
exists in the local database with a signed file, the content is also compared
with that local record.  Verifying never creates or migrates a database.
"""

from __future__ import annotations

import io
import logging
import sqlite3
from pathlib import Path
from typing import Any

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader

from mediator.documents import embedded, signing
from mediator.documents import verify as core
from mediator.errors import MediatorError
from mediator.paths import DataDir
from mediator.safe_input import MAX_PDF_BYTES, read_capped
from mediator.services.documents.blobs import read_blob

DISTRICT_ROOT_FILE = "district-root.pem"

log = logging.getLogger(__name__)


def quiet_pyhanko() -> None:
    """No English warnings or tracebacks from pyHanko reach the user's terminal."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        logger.propagate = False
        logger.setLevel(logging.CRITICAL + 1)


def trust_roots(data_dir: DataDir) -> list[x509.Certificate]:
    found: list[x509.Certificate] = []
    candidates = [data_dir.keys / signing.CERT_FILE, data_dir.keys / signing.CHAIN_FILE,
                  data_dir.keys / DISTRICT_ROOT_FILE, data_dir.root / DISTRICT_ROOT_FILE]
    for path in candidates:
        if path.is_file() and path.stat().st_size > 0:
            try:
                found.extend(core.load_certificates(path))
            except MediatorError:
                log.warning("verify: an unreadable certificate file was skipped")
    return found


def _local_content(data_dir: DataDir, agreement_id: str) -> dict[str, Any] | None:
    """The canonical content of the locally stored signed agreement, if this PC has it."""
    if not data_dir.database.exists():
        return None
    try:
        with sqlite3.connect(f"file:{data_dir.database}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT signed_blob FROM agreement WHERE id = ? AND deleted = 0",
                               (agreement_id,)).fetchone()
    except sqlite3.Error:
        return None
    if row is None or not row[0]:
        return None
    blob = read_blob(data_dir, str(row[0]))
    attached = embedded.read(PdfFileReader(io.BytesIO(blob), strict=False))
    content = attached.get("content") if attached else None
    return content if isinstance(content, dict) else None


def verify_file(data_dir: DataDir, path: str | Path) -> core.VerifyResult:
    """Verify ``path``; never raises for a bad file (the outcome says why)."""
    quiet_pyhanko()
    roots = trust_roots(data_dir)
    try:  # read once (capped, a regular file only), checked twice below
        data = read_capped(Path(path), MAX_PDF_BYTES, "PDF文件")
    except MediatorError as exc:
        if not Path(path).exists():
            return core.VerifyResult(core.Outcome.ERROR, "文件不存在")
        return core.VerifyResult(core.Outcome.ERROR, exc.message)
    result = core.verify_pdf(data, roots)
    if not result.ok or not result.agreement_id:
        return result
    try:
        local = _local_content(data_dir, result.agreement_id)
    except MediatorError as exc:
        return core.VerifyResult(core.Outcome.ERROR, f"无法读取本机记录：{exc.message}",
                                 result.signatures, result.agreement_id)
    if local is None:
        return result
    checked = core.verify_pdf(data, roots, local_content=local)
    if checked.ok:
        return core.VerifyResult(core.Outcome.VALID,
                                 "签名有效，协议内容与核验二维码及本机记录一致",
                                 checked.signatures, checked.agreement_id)
    return checked
