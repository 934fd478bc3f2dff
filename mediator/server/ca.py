"""The district certificate authority (区级CA) that issues each studio's signing certificate.

The CA certificate lives in the server database (one row), so every server
process issues with the same CA; its private key does not: it is a file in the
server's data dir readable by the server's user only (``district-ca-key.pem``,
0600), so a copy of the database (a dump, a backup) cannot sign certificates.
A server from before kept the key in the row: the first start moves it out
(migration 0003, or :func:`ensure_ca` for a database migrated without a data
dir).  A studio sends a CSR at enrolment; the certificate it gets back is for
the studio's own key, which never leaves the studio PC.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mediator.server.models import CertificateAuthority

CA_NAME = "区级人民调解证书中心"
STUDIO_CERT_DAYS = 730
KEY_FILE = "district-ca-key.pem"
#: Several server hosts against one PostgreSQL share one CA: each points this at the
#: same key file (shared storage, like the blob store), else it lives in the data dir.
ENV_KEY_FILE = "MEDIATOR_SERVER_CA_KEY"


class CSRError(ValueError):
    pass


class CAKeyError(RuntimeError):
    """The CA key file is missing or does not belong to the CA certificate."""


def key_path(data_dir: Path) -> Path:
    override = os.environ.get(ENV_KEY_FILE, "").strip()
    return Path(override) if override else data_dir / KEY_FILE


def store_key(data_dir: Path, key_pem: bytes) -> bytes:
    """Write ``key_pem`` as the key file (0600) unless one is there; return the key
    file's content.  Created under a temporary name and linked into place, so two
    processes starting at once end with one key, never a half-written file."""
    path = key_path(data_dir)
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(key_pem)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(FileExistsError):  # another process made it first:
            os.link(tmp, path)  # its key is the key
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_bytes()


def _private_key(data_dir: Path, ca: CertificateAuthority) -> ec.EllipticCurvePrivateKey:
    path = key_path(data_dir)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), None)
    except FileNotFoundError:
        raise CAKeyError(f"找不到区级CA的私钥文件 {path}（请从备份恢复该文件）") from None
    except ValueError:
        raise CAKeyError(f"区级CA的私钥文件 {path} 已损坏（请从备份恢复该文件）") from None
    cert = x509.load_pem_x509_certificate(ca.cert_pem)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or (
            key.public_key().public_numbers() != cert.public_key().public_numbers()):  # type: ignore[union-attr]
        raise CAKeyError(f"私钥文件 {path} 与数据库中的区级CA证书不匹配")
    return key


def _pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def ensure_ca(s: Session, data_dir: Path, district: str = CA_NAME) -> CertificateAuthority:
    """The CA row, made on first start with its key file; a key still in the row (a
    server from before) is moved out to the key file."""
    ca = s.get(CertificateAuthority, 1)
    if ca is not None:
        if ca.key_pem:
            store_key(data_dir, ca.key_pem)
            _private_key(data_dir, ca)  # the file there is this key
            ca.key_pem = b""
        return ca
    fresh = ec.generate_private_key(ec.SECP256R1())
    key = serialization.load_pem_private_key(store_key(data_dir, _pem(fresh)), None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, district)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=3650 * 2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False),
                           critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    ca = CertificateAuthority(id=1, key_pem=b"",  # the key is in the key file
                              cert_pem=cert.public_bytes(serialization.Encoding.PEM))
    try:
        with s.begin_nested():
            s.add(ca)
    except IntegrityError:  # another process made it first
        existing = s.get(CertificateAuthority, 1)
        assert existing is not None
        return existing
    return ca


def issue_certificate(s: Session, data_dir: Path, csr_pem: str,
                      studio_name: str) -> tuple[str, str]:
    """(certificate PEM, CA chain PEM) for the key in ``csr_pem``."""
    try:
        csr = x509.load_pem_x509_csr(csr_pem.encode())
    except ValueError as exc:
        raise CSRError("证书请求格式不正确") from exc
    if not csr.is_signature_valid:
        raise CSRError("证书请求的签名无效")
    ca = ensure_ca(s, data_dir)
    ca_key = _private_key(data_dir, ca)
    ca_cert = x509.load_pem_x509_certificate(ca.cert_pem)
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, studio_name[:64]),
                         x509.NameAttribute(NameOID.COMMON_NAME, studio_name[:64])])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject)
            .public_key(csr.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=STUDIO_CERT_DAYS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM).decode(),
            ca.cert_pem.decode())
