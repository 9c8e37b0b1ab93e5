"""This installation's keys: Ed25519 to sign what it sends, X25519 to receive in confidence.

Generated on first use and kept in the data folder (``keys/``), written
atomically so a crash never leaves half a key.  Only the cryptography package
does cryptography here.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..interchange.codec import write_atomically

if TYPE_CHECKING:  # cryptography is imported once keys are used, not at the program's start
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

KEY_FOLDER = "keys"
SIGNING_FILE = "signing-ed25519.pem"
BOX_FILE = "receiving-x25519.pem"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_key: bytes) -> str:
    """A short, readable fingerprint of a public key: 8 groups of 4 hex digits (128 bits)."""
    digest = hashlib.sha256(public_key).hexdigest()[:32].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 32, 4))


def raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class Identity:
    signing: Ed25519PrivateKey
    receiving: X25519PrivateKey

    @property
    def public_key(self) -> bytes:
        return raw_public(self.signing.public_key())

    @property
    def receiving_public_key(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.receiving.public_key().public_bytes(serialization.Encoding.Raw,
                                                        serialization.PublicFormat.Raw)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self.signing.sign(data)


def _load_or_create(path: Path, make: type) -> object:
    from cryptography.hazmat.primitives import serialization

    if path.exists():
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    key = make.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, pem)
    path.chmod(0o600)
    return key


def has_identity(data_dir: Path) -> bool:
    """Whether this data folder already has its keys (looking never makes them)."""
    folder = Path(data_dir) / KEY_FOLDER
    return (folder / SIGNING_FILE).exists() and (folder / BOX_FILE).exists()


def load_identity(data_dir: Path) -> Identity:
    """This data folder's keys, made on first use."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    folder = Path(data_dir) / KEY_FOLDER
    signing = _load_or_create(folder / SIGNING_FILE, Ed25519PrivateKey)
    receiving = _load_or_create(folder / BOX_FILE, X25519PrivateKey)
    assert isinstance(signing, Ed25519PrivateKey) and isinstance(receiving, X25519PrivateKey)
    return Identity(signing, receiving)
