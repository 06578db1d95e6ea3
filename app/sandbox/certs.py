"""The sandbox's own certificate authority and its server certificate.

The CA (key and PEM) lives in the sandbox's state directory and is reused across
restarts, so a client that trusts `ca.pem` once keeps trusting it. The server
certificate (SAN IP:127.0.0.1 and DNS:localhost) is issued by that CA. Verification is
never turned off anywhere: clients trust this CA explicitly, in sandbox mode only.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
SERVER_CERT_FILE = "server.pem"
SERVER_KEY_FILE = "server-key.pem"


@dataclass(frozen=True)
class CertPaths:
    ca: Path
    server_cert: Path
    server_key: Path


def _write_private(path: Path, data: bytes) -> None:
    """Write a key readable by its owner only (it is the sandbox's, but still a key)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _make_ca(state_dir: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Migration Assistant Sandbox"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Migration Assistant Sandbox CA"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now() - dt.timedelta(days=1))
        .not_valid_after(_now() + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_private(state_dir / CA_KEY_FILE, _key_pem(key))
    (state_dir / CA_FILE).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert, key


def _load_ca(state_dir: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None:
    try:
        cert = x509.load_pem_x509_certificate((state_dir / CA_FILE).read_bytes())
        key = serialization.load_pem_private_key(
            (state_dir / CA_KEY_FILE).read_bytes(), password=None
        )
    except (OSError, ValueError):
        return None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        return None
    if cert.not_valid_after_utc < _now() + dt.timedelta(days=30):
        return None
    return cert, key


def ensure_certificates(state_dir: Path) -> CertPaths:
    """Load (or create) the CA and issue a fresh server certificate for this start."""
    state_dir.mkdir(parents=True, exist_ok=True)
    loaded = _load_ca(state_dir)
    ca_cert, ca_key = loaded if loaded is not None else _make_ca(state_dir)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now() - dt.timedelta(days=1))
        .not_valid_after(_now() + dt.timedelta(days=365))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.IPv4Address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    server_cert = state_dir / SERVER_CERT_FILE
    server_key = state_dir / SERVER_KEY_FILE
    server_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    _write_private(server_key, _key_pem(key))
    return CertPaths(ca=state_dir / CA_FILE, server_cert=server_cert, server_key=server_key)
