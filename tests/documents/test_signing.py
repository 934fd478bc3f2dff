"""PAdES signing and verification, judged by our verify and by poppler's pdfsig."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from mediator import documents
from mediator.documents import qr, samples, signing, verify
from mediator.errors import DocumentError

from .poppler import pdfsig


def _valid_count(report: str) -> int:
    return report.count("Signature Validation: Signature is Valid.")


def test_signed_agreement_is_valid_for_us_and_for_pdfsig(
        signed_agreement: Path, identity: signing.StudioIdentity) -> None:
    result = verify.verify_pdf(signed_agreement, [identity.certificate],
                               local_content=samples.water_leak_agreement())
    assert result.ok and result.exit_code == 0, result.reason
    assert result.agreement_id == samples.AGREEMENT_ID
    assert result.signatures[0].signer == samples.COMMITTEE
    report = pdfsig(signed_agreement)
    assert _valid_count(report) == 1, report
    assert "Total document signed" in report
    assert "ETSI.CAdES.detached" in report  # PAdES subfilter


def test_signing_only_appends(identity: signing.StudioIdentity) -> None:
    pdf = documents.render(samples.water_leak_agreement(), final=True)
    signed = signing.sign_pdf(pdf, identity)
    assert signed.startswith(pdf) and len(signed) > len(pdf)


def test_one_flipped_byte_fails_both_verifiers(
        signed_agreement: Path, identity: signing.StudioIdentity, tmp_path: Path) -> None:
    data = bytearray(signed_agreement.read_bytes())
    text_pos = data.index(b"stream", len(data) // 4) + 20  # inside a signed content stream
    data[text_pos] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    result = verify.verify_pdf(tampered, [identity.certificate])
    assert result.outcome is verify.Outcome.INVALID and result.exit_code == 1
    assert result.reason  # a Chinese reason, not a traceback
    assert _valid_count(pdfsig(tampered)) == 0


def test_truncated_file_is_refused_not_crashed(
        signed_agreement: Path, identity: signing.StudioIdentity, tmp_path: Path) -> None:
    data = signed_agreement.read_bytes()
    for cut in (len(data) // 2, len(data) - 100, 200):
        short = tmp_path / f"cut{cut}.pdf"
        short.write_bytes(data[:cut])
        result = verify.verify_pdf(short, [identity.certificate])
        assert result.outcome is verify.Outcome.INVALID, cut
    assert verify.verify_pdf(tmp_path / "missing.pdf", []).exit_code == 2
    (tmp_path / "note.txt").write_text("不是PDF")
    assert verify.verify_pdf(tmp_path / "note.txt", []).exit_code == 2


def test_second_signature_leaves_the_first_valid(
        signed_agreement: Path, identity: signing.StudioIdentity, tmp_path: Path) -> None:
    twice = tmp_path / "twice.pdf"
    signing.sign_file(signed_agreement, twice, identity, reason="区司法所复核")
    result = verify.verify_pdf(twice, [identity.certificate])
    assert result.ok, result.reason
    assert len(result.signatures) == 2 and all(s.intact for s in result.signatures)
    assert _valid_count(pdfsig(twice)) == 2


def test_unsigned_append_after_signature_is_invalid(
        signed_agreement: Path, identity: signing.StudioIdentity
) -> None:
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed_agreement.read_bytes()))
    page = writer.root["/Pages"]["/Kids"][0]
    # a visible change slipped in after signing
    page.get_object()["/Rotate"] = generic.NumberObject(90)
    writer.update_container(page.get_object())
    out = io.BytesIO()
    writer.write(out)
    result = verify.verify_pdf(out.getvalue(), [identity.certificate])
    assert result.outcome is verify.Outcome.INVALID


def test_untrusted_signer_and_different_local_record(
        signed_agreement: Path, identity: signing.StudioIdentity, tmp_path: Path) -> None:
    other = signing.create_studio_identity(tmp_path / "other", "另一个调委会")
    assert not verify.verify_pdf(signed_agreement, [other.certificate]).ok
    changed = dataclasses.replace(samples.water_leak_agreement(), performance="另行协商")
    result = verify.verify_pdf(signed_agreement, [identity.certificate], local_content=changed)
    assert result.reason == "文件内容与本机记录不一致"


def test_qr_payload_has_no_personal_data() -> None:
    a = samples.water_leak_agreement()
    payload = qr.agreement_payload(a)
    assert payload.startswith(f"MEDIATOR-VERIFY:1:{samples.AGREEMENT_ID}:")
    assert all(ch.isascii() for ch in payload)
    for p in a.case.parties:
        assert p.phone not in payload and p.id_number not in payload
    parsed = qr.parse_payload(payload)
    assert parsed.digest == qr.content_hash(qr.agreement_content(a))


def test_canonical_json_is_sorted_nfc_and_compact() -> None:
    decomposed = "e\u0301"
    assert qr.canonical_json({"b": 1, "a": [decomposed, "珺"]}) == \
        '{"a":["\u00e9","珺"],"b":1}'.encode()


def test_key_file_is_private_and_passphrase_protects_it(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    signing.create_studio_identity(keys, "测试调委会", passphrase=b"correct horse")
    if os.name == "posix":
        assert stat.S_IMODE((keys / signing.KEY_FILE).stat().st_mode) == 0o600
        assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert b"ENCRYPTED" in (keys / signing.KEY_FILE).read_bytes()
    with pytest.raises(DocumentError, match="口令"):
        signing.load_studio_identity(keys)
    with pytest.raises(DocumentError, match="口令"):
        signing.load_studio_identity(keys, passphrase=b"wrong")
    assert signing.load_studio_identity(keys, passphrase=b"correct horse").self_signed
    with pytest.raises(DocumentError):
        signing.create_studio_identity(keys, "测试调委会")  # never overwrite a key


def _district_ca() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "南海区司法局根证书")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, True,
                                         False, False), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def test_certificate_issued_by_district_ca_chains_to_its_root(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    studio = signing.create_studio_identity(keys, "桂城街道人民调解委员会")
    csr = x509.load_pem_x509_csr(signing.certificate_request(studio))
    ca_key, ca_cert = _district_ca()
    now = dt.datetime.now(dt.UTC)
    issued = (x509.CertificateBuilder().subject_name(csr.subject)
              .issuer_name(ca_cert.subject).public_key(csr.public_key())
              .serial_number(x509.random_serial_number())
              .not_valid_before(now - dt.timedelta(minutes=1))
              .not_valid_after(now + dt.timedelta(days=365))
              .add_extension(x509.KeyUsage(True, True, False, False, False, False, False,
                                           False, False), critical=True)
              .sign(ca_key, hashes.SHA256()))
    pem = issued.public_bytes(serialization.Encoding.PEM)
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM)
    with pytest.raises(DocumentError):  # a certificate for someone else's key
        signing.install_certificate(keys, ca_pem)
    enrolled = signing.install_certificate(keys, pem, ca_pem)
    assert not enrolled.self_signed
    reloaded = signing.load_studio_identity(keys)
    assert reloaded.chain == (ca_cert,)
    signed = signing.sign_pdf(documents.render(samples.water_leak_agreement()), reloaded)
    assert verify.verify_pdf(signed, [ca_cert]).ok
    _, stranger = _district_ca()
    assert not verify.verify_pdf(signed, [stranger]).ok
