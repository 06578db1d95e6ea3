"""RS256 JSON Web Tokens for the sandbox's identity service, and its JWKS document.

The signing key is kept in the state directory so tokens issued before a restart of
the same sandbox still verify after it (as Entra ID's keys outlive a client session).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

KEY_FILE = "signing-key.pem"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class InvalidToken(Exception):
    """The token is malformed, has a bad signature, or is not one of ours."""


class TokenSigner:
    """Signs and verifies the sandbox's JWTs with one RSA key."""

    def __init__(self, state_dir: Path) -> None:
        path = state_dir / KEY_FILE
        key: rsa.RSAPrivateKey | None = None
        if path.exists():
            loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if isinstance(loaded, rsa.RSAPrivateKey):
                key = loaded
        if key is None:
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(
                    key.private_bytes(
                        serialization.Encoding.PEM,
                        serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption(),
                    )
                )
        self._key = key
        numbers = key.public_key().public_numbers()
        self.kid = hashlib.sha256(str(numbers.n).encode()).hexdigest()[:16]
        self._n = b64url(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big"))
        self._e = b64url(numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big"))

    def jwks(self) -> dict[str, Any]:
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "alg": "RS256",
                    "kid": self.kid,
                    "n": self._n,
                    "e": self._e,
                }
            ]
        }

    def sign(self, claims: dict[str, Any]) -> str:
        header = {"typ": "JWT", "alg": "RS256", "kid": self.kid}
        signing_input = (
            b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        signature = self._key.sign(
            signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256()
        )
        return signing_input + "." + b64url(signature)

    def verify(self, token: str) -> dict[str, Any]:
        """The claims of a token signed by this key (expiry is the caller's business)."""
        parts = token.split(".")
        if len(parts) != 3:
            raise InvalidToken("not a JWT")
        try:
            header = json.loads(b64url_decode(parts[0]))
            claims = json.loads(b64url_decode(parts[1]))
            signature = b64url_decode(parts[2])
        except (ValueError, UnicodeDecodeError) as error:
            raise InvalidToken("malformed JWT") from error
        if not isinstance(header, dict) or header.get("alg") != "RS256":
            raise InvalidToken("unexpected algorithm")
        try:
            self._key.public_key().verify(
                signature,
                f"{parts[0]}.{parts[1]}".encode("ascii"),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except InvalidSignature as error:
            raise InvalidToken("bad signature") from error
        if not isinstance(claims, dict):
            raise InvalidToken("claims are not an object")
        return claims
