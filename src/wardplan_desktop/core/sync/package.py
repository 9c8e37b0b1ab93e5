"""The sync file: a signed, optionally encrypted package of one plan or one template.

Layout (docs/sync-format.md): a ZIP archive with exactly three members,

- ``manifest.json`` — who sends, to whom, what (year, kind, revision), when, with
  which program, the SHA-256 of the plan file inside, and the sender's public key;
- ``plan.json`` (or ``plan.json.enc`` when encrypted to the receiver) — the
  payload, a plan file (docs/interchange-format.md) or a template;
- ``signature.ed25519`` — the sender's Ed25519 signature of ``manifest.json``.

The manifest binds the payload through its hash, so one signature covers both.
Archives are written with fixed member order, dates and attributes, and the
encryption's ephemeral key and nonce are derived from the content, so the same
revision always gives the same bytes.

Reading checks, in this order and before anything is stored: size, archive
integrity, member names (no paths, no extras, none missing), member sizes
(no archive bombs), manifest JSON and schema, format version, signature,
decryption, payload hash.  Every refusal is a :class:`SyncError` a clerk can read.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import QT_TRANSLATE_NOOP, InputError
from .keys import Identity, b64, fingerprint, unb64

# cryptography and the schema checkers are imported when a file is written or read,
# not when the program starts (the window only shows a plan's seal: two hashes).
if TYPE_CHECKING:
    import jsonschema
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

FORMAT = "wardplan-sync"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "signature.ed25519"
PAYLOAD = "plan.json"
PAYLOAD_ENCRYPTED = "plan.json.enc"
SCHEME = "x25519-hkdf-sha256-aes256gcm"
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


#: What zipfile raises on a damaged or foreign archive. RuntimeError covers its
#: "needs a password" and its unsupported versions and compression methods.
_ARCHIVE_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
                   RuntimeError, zlib.error)


class SyncError(InputError):
    """A sync file that cannot be accepted; nothing was stored."""


MSG_EMPTY = QT_TRANSLATE_NOOP("Errors", "The file {path} is empty.")
MSG_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is too large to be a WardPlan sync file.")
MSG_NOT_PACKAGE = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a WardPlan sync file. Check that the right file was "
    "attached.")
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is damaged: it was cut short or changed on the way. Ask the "
    "sender to send it again.")
MSG_BAD_MEMBERS = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a valid WardPlan sync file: {detail}.")
MSG_NEWER = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} was made by a newer version of WardPlan Desktop (sync format "
    "{found}; this version reads up to {supported}). Update the program to read it.")
MSG_BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "Errors", "The signature of {path} does not match its content: the file was changed "
    "after it was signed, or it is damaged. Ask the sender to send it again.")
MSG_ALTERED = QT_TRANSLATE_NOOP(
    "Errors", "The plan inside {path} is not the one that was signed: it was changed after "
    "signing. Ask the sender to send it again.")
MSG_NOT_OURS_KEY = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is encrypted for another office (key {fingerprint}); it cannot "
    "be opened here.")
DETAIL_MEMBERS = QT_TRANSLATE_NOOP("Errors", "it holds {found} instead of {expected}")
DETAIL_UNSAFE_NAME = QT_TRANSLATE_NOOP("Errors", "it holds a file with an unsafe name ({name})")
DETAIL_BOMB = QT_TRANSLATE_NOOP("Errors", "a part of it expands far beyond a plan's size")
DETAIL_MANIFEST = QT_TRANSLATE_NOOP("Errors", "its description is unreadable ({detail})")


def _schema() -> dict[str, Any]:
    unit = {"type": "object", "required": ["code", "name"], "additionalProperties": False,
            "properties": {"code": {"type": "string", "minLength": 1, "maxLength": 64},
                           "name": {"type": "string", "minLength": 1, "maxLength": 300},
                           "level": {"type": "string", "maxLength": 20}}}
    return {
        "type": "object",
        "required": ["format", "format_version", "type", "sender", "receiver", "year",
                     "kind", "revision", "created", "program_version", "content_hash",
                     "payload", "sender_key", "encryption"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "type": {"enum": ["plan", "template"]},
            "sender": unit, "receiver": unit,
            "year": {"type": "integer", "minimum": 1945, "maximum": 2200},
            "kind": {"enum": ["plan", "resolution", "emulation"]},
            "revision": {"type": "integer", "minimum": 1},
            "created": {"type": "string", "maxLength": 40},
            "program_version": {"type": "string", "maxLength": 40},
            "content_hash": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
            "payload": {"enum": [PAYLOAD, PAYLOAD_ENCRYPTED]},
            "sender_key": {"type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$"},
            "encryption": {"oneOf": [{"type": "null"}, {
                "type": "object", "additionalProperties": False,
                "required": ["scheme", "recipient_key", "ephemeral_key"],
                "properties": {
                    "scheme": {"const": SCHEME},
                    "recipient_key": {"type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$"},
                    "ephemeral_key": {"type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$"},
                }}]},
        },
    }


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(_schema())


@cache
def _quick() -> Callable[[Any], Any]:
    """The same schema compiled: it only says "valid or not", about 20 times faster (files
    arrive by the thousand); for a file it refuses, jsonschema finds the error to name."""
    import fastjsonschema

    return fastjsonschema.compile(
        {**_schema(), "$schema": "http://json-schema.org/draft-07/schema#"})


def _manifest_error(manifest: Any) -> jsonschema.ValidationError | None:
    import fastjsonschema

    try:
        _quick()(manifest)
    except fastjsonschema.JsonSchemaException:
        import jsonschema

        return jsonschema.exceptions.best_match(_validator().iter_errors(manifest))
    return None


def content_hash(payload: bytes) -> str:
    return "sha256:" + hashlib.sha256(payload).hexdigest()


def short_hash(hash_text: str) -> str:
    """The part of a content hash printed on paper: 16 hex digits in groups of four."""
    digits = hash_text.removeprefix("sha256:")[:16].upper()
    return "-".join(digits[i:i + 4] for i in range(0, 16, 4))


def seal_of(data: dict[str, Any], identity: Identity) -> dict[str, str]:
    """What ties a printed revision to its sync file: key fingerprint, short content hash.

    ``data`` is the whole plan file (as ``service.export_plan`` returns it); the hash
    is the one the sync file of the same revision carries.
    """
    from ..interchange.codec import dump_plan

    return {"key": identity.fingerprint, "hash": short_hash(content_hash(dump_plan(data)))}


def _raw_x25519(key: X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _box_keys(shared: bytes, ephemeral: bytes, recipient: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    material = HKDF(algorithm=hashes.SHA256(), length=44, salt=ephemeral + recipient,
                    info=b"wardplan-sync-v1 payload").derive(shared)
    return material[:32], material[32:]


def _encrypt(identity: Identity, payload: bytes, recipient: bytes,
             digest: str) -> tuple[bytes, dict[str, str]]:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    # The ephemeral key is derived from the sender's secret and the content, so the
    # same revision encrypts to the same bytes, and no two contents share a key.
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"wardplan-sync-v1 ephemeral",
                info=digest.encode() + recipient).derive(
        identity.signing.private_bytes(serialization.Encoding.Raw,
                                       serialization.PrivateFormat.Raw,
                                       serialization.NoEncryption()))
    ephemeral = X25519PrivateKey.from_private_bytes(seed)
    ephemeral_public = _raw_x25519(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    key, nonce = _box_keys(shared, ephemeral_public, recipient)
    sealed = AESGCM(key).encrypt(nonce, payload, digest.encode())
    return sealed, {"scheme": SCHEME, "recipient_key": b64(recipient),
                    "ephemeral_key": b64(ephemeral_public)}


def _decrypt(identity: Identity, sealed: bytes, info: dict[str, str], digest: str,
             label: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    recipient = unb64(info["recipient_key"])
    if recipient != identity.receiving_public_key:
        raise SyncError(MSG_NOT_OURS_KEY, path=label, fingerprint=fingerprint(recipient))
    ephemeral = unb64(info["ephemeral_key"])
    try:
        shared = identity.receiving.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        key, nonce = _box_keys(shared, ephemeral, recipient)
        return AESGCM(key).decrypt(nonce, sealed, digest.encode())
    except (InvalidTag, ValueError) as exc:
        raise SyncError(MSG_ALTERED, path=label) from exc


def _member(name: str, data: bytes) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0o644 << 16
    return info, data


def write_package(identity: Identity, manifest: dict[str, Any], payload: bytes,
                  recipient_key: bytes | None = None) -> bytes:
    """A signed package of ``payload``; encrypted when the receiver's key is known.

    ``manifest`` gives the descriptive fields (type, sender, receiver, year, kind,
    revision, created, program_version); the rest is filled in here.
    """
    digest = content_hash(payload)
    body, encryption, name = payload, None, PAYLOAD
    if recipient_key is not None:
        body, encryption = _encrypt(identity, payload, recipient_key, digest)
        name = PAYLOAD_ENCRYPTED
    full = {**manifest, "format": FORMAT, "format_version": FORMAT_VERSION,
            "content_hash": digest, "payload": name, "sender_key": b64(identity.public_key),
            "encryption": encryption}
    manifest_bytes = json.dumps(full, ensure_ascii=False, sort_keys=True,
                                separators=(",", ":")).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, data in (_member(MANIFEST, manifest_bytes), _member(name, body),
                           _member(SIGNATURE, identity.sign(manifest_bytes))):
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


@dataclass(frozen=True)
class Package:
    """A package whose signature and content hash have been checked."""

    manifest: dict[str, Any]
    payload: bytes  # decrypted
    sender_key: bytes
    #: The payload as raw DEFLATE, as the archive holds it (not encrypted, deflated);
    #: None otherwise.  Keeping this costs nothing, compressing the payload again would.
    deflated: bytes | None = None

    @property
    def sender_fingerprint(self) -> str:
        return fingerprint(self.sender_key)


def _read_member(archive: zipfile.ZipFile, name: str, limit: int, label: str) -> bytes:
    with archive.open(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise SyncError(MSG_BAD_MEMBERS, path=label, detail=InputError(DETAIL_BOMB))
    return data


def _deflated_member(raw: bytes, info: zipfile.ZipInfo, body: bytes) -> bytes | None:
    """The compressed bytes of the deflated member ``info`` of the archive ``raw``, when
    they are a complete DEFLATE stream of exactly ``body`` (what was read from it).

    They are found as zipfile finds them, after the member's local header.  zipfile
    stops inflating at the member's stated size, and takes a stream cut short: the
    CRC and the content hash then check only the part it read, while the bytes kept
    could inflate to far more (a bomb) or to nothing valid.  So they are inflated
    again here (a fraction of the time compressing would take), within ``body``'s
    size, and kept only when they give exactly ``body`` and end there.
    """
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return None
    start = info.header_offset
    header = raw[start:start + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return None
    start += 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    data = raw[start:start + info.compress_size]
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        out = inflate.decompress(data, len(body) + 1)
    except zlib.error:
        return None
    if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail or out != body:
        return None
    return data


def _member_at_once(raw: bytes, info: zipfile.ZipInfo, limit: int,
                    end: int) -> tuple[bytes, bytes] | None:
    """The deflated member ``info`` of the archive ``raw`` inflated, and its compressed
    bytes, in one pass straight from the archive (rather than through zipfile, and
    for the payload inflated again by :func:`_deflated_member`), when it is exactly
    what zipfile would read: one complete DEFLATE stream after a local header naming
    it as the directory does, inflating to the stated size (within ``limit``) and
    CRC, and ending by ``end`` (where the next member or the directory starts: members
    that overlap are how some archive bombs are made).  None otherwise: it is then read
    the usual way, which refuses what is damaged.
    """
    if info.compress_type != zipfile.ZIP_DEFLATED or info.file_size > limit \
            or info.flag_bits & 0x61:  # encrypted, patched, strongly encrypted: refused
        return None
    start = info.header_offset
    header = raw[start:start + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return None
    name_end = start + 30 + int.from_bytes(header[26:28], "little")
    if raw[start + 30:name_end] != info.orig_filename.encode("utf-8"):
        return None
    start = name_end + int.from_bytes(header[28:30], "little")
    if start + info.compress_size > end:
        return None
    data = raw[start:start + info.compress_size]
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        body = inflate.decompress(data, info.file_size + 1)
    except zlib.error:
        return None
    if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail \
            or len(body) != info.file_size or zlib.crc32(body) != info.CRC:
        return None
    return body, data


def _member_end(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Where the member ``info`` must end: the next member's header, or the directory."""
    starts = [other.header_offset for other in archive.infolist()]
    starts.append(archive.start_dir)  # type: ignore[attr-defined]
    return min((s for s in starts if s > info.header_offset), default=info.header_offset)


def _read(raw: bytes, archive: zipfile.ZipFile, name: str, limit: int,
          label: str) -> tuple[bytes, bytes | None]:
    """A member's bytes, and its compressed bytes where read at once (see above)."""
    info = archive.getinfo(name)
    at_once = _member_at_once(raw, info, limit, _member_end(archive, info))
    if at_once is not None:
        return at_once
    return _read_member(archive, name, limit, label), None


def read_package(raw: bytes, label: str, identity: Identity | None = None) -> Package:
    """Check a package completely and return it; :class:`SyncError` when it cannot be trusted."""
    if not raw:
        raise SyncError(MSG_EMPTY, path=label)
    if len(raw) > MAX_FILE_BYTES:
        raise SyncError(MSG_TOO_LARGE, path=label)
    if not raw.startswith(b"PK"):
        raise SyncError(MSG_NOT_PACKAGE, path=label)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = archive.namelist()
    except _ARCHIVE_DAMAGE as exc:
        raise SyncError(MSG_DAMAGED, path=label) from exc
    with archive:
        for name in names:
            # Members are plain names: no folders, drives, or parent steps.
            if name in ("", ".", "..") or any(c in name for c in "/\\:"):
                raise SyncError(MSG_BAD_MEMBERS, path=label,
                                detail=InputError(DETAIL_UNSAFE_NAME, name=name[:80]))
        payload_name = PAYLOAD_ENCRYPTED if PAYLOAD_ENCRYPTED in names else PAYLOAD
        expected = sorted([MANIFEST, payload_name, SIGNATURE])
        if sorted(names) != expected:
            raise SyncError(MSG_BAD_MEMBERS, path=label, detail=InputError(
                DETAIL_MEMBERS, found=", ".join(sorted(names))[:200] or "—",
                expected=", ".join(expected)))
        for info in archive.infolist():
            # Written here: deflated, never zip-encrypted.  Anything else is damage
            # (a flipped bit), and other methods would reach other decompressors.
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
                    or info.flag_bits & 0x1:
                raise SyncError(MSG_DAMAGED, path=label)
        try:
            manifest_bytes, _ = _read(raw, archive, MANIFEST, MAX_MANIFEST_BYTES, label)
            signature, _ = _read(raw, archive, SIGNATURE, 1024, label)
            body, deflated = _read(raw, archive, payload_name, MAX_MEMBER_BYTES, label)
        except _ARCHIVE_DAMAGE as exc:
            raise SyncError(MSG_DAMAGED, path=label) from exc  # bad CRC, truncated data
        if payload_name != PAYLOAD:
            deflated = None  # encrypted: what the receipt keeps is compressed on receipt
        elif deflated is None:
            deflated = _deflated_member(raw, archive.getinfo(PAYLOAD), body)
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # not UTF-8 or JSON; too deep; huge numbers
        raise SyncError(MSG_BAD_MEMBERS, path=label,
                        detail=InputError(DETAIL_MANIFEST, detail="JSON")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SyncError(MSG_NOT_PACKAGE, path=label)
    version = manifest.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise SyncError(MSG_NEWER, path=label, found=version, supported=FORMAT_VERSION)
    error = _manifest_error(manifest)
    if error is not None or manifest["payload"] != payload_name:
        where = "/".join(str(p) for p in error.absolute_path) if error else "payload"
        raise SyncError(MSG_BAD_MEMBERS, path=label,
                        detail=InputError(DETAIL_MANIFEST, detail=where or "—"))
    # The schema's patterns let a trailing newline through ("$"): decode every key here.
    keys = {"sender_key": manifest["sender_key"]}
    if manifest["encryption"] is not None:
        keys |= {k: manifest["encryption"][k] for k in ("recipient_key", "ephemeral_key")}
    for where, text in keys.items():
        try:
            unb64(text)
        except ValueError as exc:
            raise SyncError(MSG_BAD_MEMBERS, path=label,
                            detail=InputError(DETAIL_MANIFEST, detail=where)) from exc
    sender_key = unb64(manifest["sender_key"])
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(sender_key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError) as exc:
        raise SyncError(MSG_BAD_SIGNATURE, path=label) from exc
    digest = manifest["content_hash"]
    if manifest["encryption"] is not None:
        if identity is None:
            raise SyncError(MSG_NOT_OURS_KEY, path=label, fingerprint=fingerprint(
                unb64(manifest["encryption"]["recipient_key"])))
        body = _decrypt(identity, body, manifest["encryption"], digest, label)
    if content_hash(body) != digest:
        raise SyncError(MSG_ALTERED, path=label)
    return Package(manifest, body, sender_key, deflated)
