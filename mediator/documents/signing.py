"""The studio's signing key and certificate, and PAdES signing of finished documents.

Key and certificate
-------------------
Each studio PC holds one ECDSA P-256 key (``studio-key.pem``) and a certificate
(``studio-cert.pem``): self-signed at first, replaced by one the district server
issues at enrolment (``install_certificate``; the district CA chain goes to
``studio-chain.pem``).  The key never leaves the keys directory.

How the key is protected: the key file is PKCS#8 PEM, mode 0600 inside the
data dir's ``keys/`` (0700), so only the studio's OS account can read it — the
same protection as the case database it signs for, which is the realistic
threat model of a studio PC.  When the studio head sets a passphrase, the key
is additionally encrypted with it (``BestAvailableEncryption``: AES-256-CBC,
scrypt/PBKDF2 key derivation by the cryptography library) and the passphrase
must be given to load it; without one a stolen copy of the data dir is enough
to sign, which is why the district CA can revoke the studio certificate.
On Windows the POSIX modes are no-ops; the per-user profile ACL applies.

Signing
-------
PAdES baseline B-B (``/ETSI.CAdES.detached``, SHA-256, no timestamp) with
pyHanko, always as an incremental update appended to the unchanged original
bytes: a later signature, or a second signer, leaves earlier ones valid.  A
signed file is never rewritten (no "optimise" pass, no re-save).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from mediator.documents.builder import write_atomic
from mediator.errors import DocumentError

KEY_FILE = "studio-key.pem"
CERT_FILE = "studio-cert.pem"
CHAIN_FILE = "studio-chain.pem"
SELF_SIGNED_DAYS = 3650
# Room for the CMS blob beyond the certificates it carries (signed attributes,
# the ECDSA signature, ASN.1 framing).  Kept tight on purpose: every reader
# parses the reserved /Contents hex string, and 16 KB of it was 70 % of verify time.
SIGNATURE_OVERHEAD_BYTES = 2048


@dataclass(frozen=True)
class StudioIdentity:
    """The studio key with its certificate and (after enrolment) the district CA chain."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()
    _signer: Any = field(default=None, compare=False, repr=False)

    @property
    def self_signed(self) -> bool:
        return self.certificate.issuer == self.certificate.subject and not self.chain

    def signer(self) -> Any:
        """The pyHanko signer (built once: converting keys to asn1crypto costs time)."""
        if self._signer is None:
            der_key = self.key.private_bytes(serialization.Encoding.DER,
                                             serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption())
            signer = signers.SimpleSigner(
                signing_cert=_asn1(self.certificate),
                signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
                cert_registry=SimpleCertificateStore.from_certs(
                    [_asn1(c) for c in self.chain]),
            )
            object.__setattr__(self, "_signer", signer)
        return self._signer


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _write_private(path: Path, data: bytes) -> None:
    write_atomic(path, data)  # mkstemp creates the temporary file with mode 0600
    if os.name == "posix":
        path.chmod(0o600)


def create_studio_identity(keys_dir: Path, studio_name: str, *,
                           passphrase: bytes | None = None) -> StudioIdentity:
    """Make a new P-256 key and a self-signed certificate in ``keys_dir``.

    Refuses to overwrite an existing key: replacing it would orphan every
    certificate the district issued for it.
    """
    keys_dir = Path(keys_dir)
    if (keys_dir / KEY_FILE).exists():
        raise DocumentError("本机已有工作室签名密钥，不能重复创建")
    keys_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        keys_dir.chmod(0o700)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, studio_name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, studio_name),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
    ])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=SELF_SIGNED_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False,
            crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase
        else serialization.NoEncryption())
    _write_private(keys_dir / KEY_FILE, key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption))
    write_atomic(keys_dir / CERT_FILE, cert.public_bytes(serialization.Encoding.PEM))
    return StudioIdentity(key, cert)


def load_studio_identity(keys_dir: Path, *, passphrase: bytes | None = None) -> StudioIdentity:
    keys_dir = Path(keys_dir)
    try:
        key_pem = (keys_dir / KEY_FILE).read_bytes()
        cert_pem = (keys_dir / CERT_FILE).read_bytes()
        chain_path = keys_dir / CHAIN_FILE
        chain_pem = chain_path.read_bytes() if chain_path.exists() else b""
    except FileNotFoundError as exc:
        raise DocumentError("本机尚未创建工作室签名密钥") from exc
    except OSError as exc:
        raise DocumentError(f"无法读取签名密钥文件（{exc.strerror}）") from exc
    try:
        key = serialization.load_pem_private_key(key_pem, password=passphrase or None)
    except TypeError as exc:
        raise DocumentError("签名密钥已设置口令，请输入口令") from exc
    except ValueError as exc:
        raise DocumentError("签名密钥口令不正确，或密钥文件已损坏") from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise DocumentError("签名密钥类型不受支持")
    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
        chain = tuple(x509.load_pem_x509_certificates(chain_pem)) if chain_pem else ()
    except ValueError as exc:
        raise DocumentError("工作室证书文件已损坏") from exc
    return StudioIdentity(key, cert, chain)


def ensure_studio_identity(keys_dir: Path, studio_name: str, *,
                           passphrase: bytes | None = None) -> StudioIdentity:
    """Load the studio identity, creating key and self-signed certificate on first use."""
    if (Path(keys_dir) / KEY_FILE).exists():
        return load_studio_identity(keys_dir, passphrase=passphrase)
    return create_studio_identity(keys_dir, studio_name, passphrase=passphrase)


def certificate_request(identity: StudioIdentity) -> bytes:
    """A PEM CSR for the district CA (sent at enrolment), with the studio's subject."""
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(identity.certificate.subject)
           .sign(identity.key, hashes.SHA256()))
    return csr.public_bytes(serialization.Encoding.PEM)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def install_certificate(keys_dir: Path, cert_pem: bytes, chain_pem: bytes = b"", *,
                        passphrase: bytes | None = None) -> StudioIdentity:
    """Install the certificate the district CA issued for our key, with its CA chain.

    Checked before anything is written: the certificate is for our key, and each
    certificate is signed by the next one in the chain.
    """
    current = load_studio_identity(keys_dir, passphrase=passphrase)
    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
        chain: Sequence[x509.Certificate] = (
            x509.load_pem_x509_certificates(chain_pem) if chain_pem.strip() else [])
    except ValueError as exc:
        raise DocumentError("区级签发的证书格式不正确") from exc
    if cert.public_key() != current.key.public_key():
        raise DocumentError("证书与本机签名密钥不匹配")
    links = [cert, *chain]
    for child, parent in itertools.pairwise(links):
        if not _issued_by(child, parent):
            raise DocumentError("证书链不完整或顺序错误")
    write_atomic(Path(keys_dir) / CHAIN_FILE,
                 b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain))
    write_atomic(Path(keys_dir) / CERT_FILE, cert.public_bytes(serialization.Encoding.PEM))
    return StudioIdentity(current.key, cert, tuple(chain))


def sign_pdf(pdf: bytes, identity: StudioIdentity, *, reason: str = "人民调解文书定稿",
             location: str | None = None, field_name: str | None = None) -> bytes:
    """Return ``pdf`` plus one incremental update carrying a PAdES B-B signature.

    The original bytes are the unchanged prefix of the result.
    """
    if not pdf.startswith(b"%PDF-"):
        raise DocumentError("不是PDF文件，无法签名")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        existing = {name for name, _, _ in fields.enumerate_sig_fields(writer)}
        name = field_name or _free_field_name(existing)
        meta = signers.PdfSignatureMetadata(
            field_name=name, reason=reason, location=location,
            subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        )
        out = io.BytesIO()
        # A computed reservation skips pyHanko's dry-run signature that measures the
        # size (half the signing time).
        signers.sign_pdf(writer, meta, signer=identity.signer(), output=out,
                         bytes_reserved=_reservation(identity))
    except DocumentError:
        raise
    except Exception as exc:  # pyHanko raises several unrelated types for bad input
        raise DocumentError("文件已损坏或格式不受支持，无法签名") from exc
    signed = out.getvalue()
    if not signed.startswith(pdf):  # the guarantee every earlier signature relies on
        raise DocumentError("签名时原文件被改写，已中止")
    return signed


def _reservation(identity: StudioIdentity) -> int:
    certs = (identity.certificate, *identity.chain)
    size = SIGNATURE_OVERHEAD_BYTES + sum(
        len(c.public_bytes(serialization.Encoding.DER)) for c in certs)
    return -(-size // 512) * 512


def _free_field_name(existing: set[str]) -> str:
    n = 1
    while f"Signature{n}" in existing:
        n += 1
    return f"Signature{n}"


def sign_file(src: Path, dest: Path, identity: StudioIdentity, **kwargs: Any) -> Path:
    """Sign ``src`` into ``dest`` (atomic; ``dest`` may equal ``src``)."""
    try:
        data = Path(src).read_bytes()
    except OSError as exc:
        raise DocumentError(f"无法读取待签名文件（{exc.strerror}）") from exc
    return write_atomic(dest, sign_pdf(data, identity, **kwargs))
