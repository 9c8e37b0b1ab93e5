"""Reading a received sync file as far as it can be without the database.

Unpacking, verifying, decrypting, parsing and checking a ward's file is most of the
work of receiving, and needs only the file and the office's receiving key: worker
processes do it for many files at once (``exchange._read_all``).  This module is
what they import, so it loads no ORM: a worker is ready in a fraction of the time.
"""

from __future__ import annotations

import gc
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import QT_TRANSLATE_NOOP, InputError, WardPlanError
from ..interchange import codec
from .keys import Identity, fingerprint
from .package import SyncError, read_package

MSG_NOT_A_PLAN = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is a template from an upper level, not a ward's plan; open it "
    "in the ward's data folder.")
MSG_MISMATCH = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is inconsistent: its description and the plan inside differ "
    "({detail}). Ask the sender to export it again.")

@dataclass(frozen=True)
class Checked:
    """A file read and checked as far as it can be without the database, kept as
    storing needs it (it crosses between processes: no more than that)."""

    manifest: dict[str, Any]
    sender_key: bytes
    deflated: bytes  # the plan file, raw DEFLATE: what the receipt keeps
    rows: codec.PlanRows

    @property
    def sender_fingerprint(self) -> str:
        return fingerprint(self.sender_key)

    def __reduce__(self) -> tuple[Any, ...]:
        return Checked, (self.manifest, self.sender_key, self.deflated, self.rows)


#: How hard a plan file that came encrypted is compressed for its receipt (one that
#: came in clear is kept as the sync file compressed it).  The fastest level: about a
#: fifth of the text's size, where the best would take twice the time for 20 % less.
RECEIPT_LEVEL = 1


def read_file(label: str, raw: bytes, identity: Identity | None) -> Checked:
    """Every check of one file that needs no database: the file alone, and our key."""
    package = read_package(raw, label, identity)
    m = package.manifest
    if m["type"] != "plan":
        raise SyncError(MSG_NOT_A_PLAN, path=label)
    # Stored, the plan is held as received: its text stays in the receipt (the plan
    # file), its rows are only the indicators'.
    data, rows = codec.parse_plan_rows(package.payload, label, text=False)
    plan = data["plan"]
    facts = {"unit": (plan["unit"]["code"], m["sender"]["code"]), "year": (plan["year"], m["year"]),
             "kind": (plan["kind"], m["kind"]), "revision": (plan["revision"], m["revision"])}
    for what, (inside, outside) in facts.items():
        if inside != outside:
            raise SyncError(MSG_MISMATCH, path=label, detail=f"{what}: {outside} / {inside}")
    deflated = package.deflated
    if deflated is None:
        squeeze = zlib.compressobj(RECEIPT_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
        deflated = squeeze.compress(package.payload) + squeeze.flush()
    return Checked(m, package.sender_key, deflated, rows)


_worker_identity: Identity | None = None


def start_worker(secret: bytes, validator: bytes = b"") -> None:
    """Set a worker process up: the office's receiving key, and the plan schema's
    validator as the starting process compiled it (``codec.validator_code``)."""
    global _worker_identity
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    if validator:
        codec.use_validator_code(validator)

    # Reading needs only the receiving key (to decrypt); the signing key never leaves
    # the main process, and this throwaway one is never used.
    _worker_identity = Identity(Ed25519PrivateKey.generate(),
                                X25519PrivateKey.from_private_bytes(secret))


def read_chunk(files: list[tuple[str, bytes]], identity: Identity | None) -> list[Any]:
    """:func:`read_file` of each file, refusals made fit to cross between processes."""
    out: list[Any] = []
    with no_cycle_collection():
        for label, raw in files:
            try:
                out.append(read_file(label, raw, identity or _worker_identity))
            except InputError as exc:
                out.append(Portable.of(exc))
    return out


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's collector of reference cycles paused for a while (as it was, afterwards).

    Reading a plan makes tens of thousands of small objects, none in a cycle (parsed
    JSON, rows), freed as soon as they are done with; the collector would otherwise
    walk all that is held at the time, over and over, for nothing: about a sixth of
    the time of reading thousands of files.  Cycles made meanwhile, if any, are
    collected after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Portable:
    """A refusal as it crosses between processes (an error pickles its rendered text only)."""

    kind: type[WardPlanError]
    template: str
    params: dict[str, Any]

    @classmethod
    def of(cls, error: WardPlanError) -> Portable:
        return cls(type(error), error.template,
                   {k: _portable(v) for k, v in error.params.items()})


def _portable(value: Any) -> Any:
    if isinstance(value, WardPlanError):
        return Portable.of(value)
    if isinstance(value, list | tuple):
        return type(value)(_portable(v) for v in value)
    return value


def revived(value: Any) -> Any:
    if isinstance(value, Portable):
        return value.kind(value.template, **{k: revived(v) for k, v in value.params.items()})
    if isinstance(value, list | tuple):
        return type(value)(revived(v) for v in value)
    return value
