"""Receiving many wards' sync files in one upper-level data folder.

    .venv/bin/python benchmarks/sync_import.py [--sizes 10 100 1000 3321]

For each N, makes N signed files of N different wards (each a copy of a real
ward plan under its own code, identifiers and key), imports them all into a new
upper-level database and prints the time, the time per file and the peak memory
of this process, so growth with N is visible. The goal is all 3,321 communes
and wards of the country in at most 5 seconds, growing linearly.

"CPU s" is the processor time used by this process and the worker processes that
read files alongside it: unlike the elapsed time, it hardly depends on what else
the computer is doing. With --again, every ward then sends revision 2 and the
time to import those (each replacing a stored plan) is printed as well.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import resource
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import open_data_folder
from wardplan_desktop.core.sync.keys import Identity
from wardplan_desktop.core.sync.package import write_package
from wardplan_desktop.paths import resource_path

GOAL_SECONDS, GOAL_FILES = 5.0, 3321


def ward_files(n: int, revision: int = 1, keys: list[Identity] | None = None,
               to: Identity | None = None) -> list[tuple[str, bytes]]:
    """The sync files of ``n`` wards' plans at ``revision``, signed with ``keys`` (made
    when empty): the same keys and identifiers make a later revision of the same plans.
    With ``to``, each file is encrypted to that upper level (as for e-mail)."""
    base = json.loads(resource_path("demo", "003_a5ef3e362a8e7281.json").read_text("utf-8"))
    upper = base["plan"]["unit"]["upper"]
    keys = [] if keys is None else keys
    while len(keys) < n:
        keys.append(Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate()))
    files = []
    for i in range(n):
        data = own_uids(base, f"W{i:05d}")
        plan = data["plan"]
        plan["revision"] = revision
        unit = plan["unit"]
        unit["code"], unit["name"] = f"W{i:05d}", f"Phường số {i + 1}"
        manifest = {"type": "plan", "sender": {"code": unit["code"], "name": unit["name"],
                                               "level": "ward"},
                    "receiver": {"code": upper["code"], "name": upper["name"],
                                 "level": upper["level"]},
                    "year": 2024, "kind": "plan", "revision": revision,
                    "created": "2023-11-29T00:00:00+00:00", "program_version": "bench"}
        files.append((f"{unit['code']}-r{revision}.wpsync",
                      write_package(keys[i], manifest, codec.dump_plan(data),
                                    to.receiving_public_key if to else None)))
    return files


def own_uids(node: Any, ward: str, count: itertools.count[int] | None = None) -> Any:
    """A copy of plan data with identifiers of its own, the same each time for ``ward``."""
    count = itertools.count() if count is None else count
    if isinstance(node, dict):
        return {k: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{ward}/{next(count)}")) if k == "uid"
                else own_uids(v, ward, count) for k, v in node.items()}
    if isinstance(node, list):
        return [own_uids(x, ward, count) for x in node]
    return node


def cpu_seconds() -> float:
    """Processor time of this process and of its worker processes that have ended."""
    for child in multiprocessing.active_children():
        child.join()
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def timed(db: object, me: Identity, files: list[tuple[str, bytes]],
          expected: str) -> tuple[float, float]:
    # Imported here, not with the script: the worker processes that read the files start
    # by importing this script again, and would otherwise load the ORM for nothing.
    from wardplan_desktop.core.sync.exchange import receive_files

    cpu = cpu_seconds()
    start = time.perf_counter()
    outcomes = receive_files(db, me, files, accept_new=True)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    assert all(o.status == expected for o in outcomes), {o.status for o in outcomes}
    return seconds, cpu_seconds() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--again", action="store_true",
                        help="then import revision 2 of every plan (replacing each)")
    parser.add_argument("--encrypted", action="store_true",
                        help="files encrypted to the upper level, as wards send them by "
                             "e-mail once they know its key")
    args = parser.parse_args(argv)
    print(f"{'files':>6} {'seconds':>9} {'ms/file':>8} {'CPU s':>7} {'peak MB':>8}  "
          f"{'projected 3321':>15}")
    for n in args.sizes:
        keys: list[Identity] = []
        me = Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
        to = me if args.encrypted else None
        files = ward_files(n, 1, keys, to)
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            db = open_data_folder(Path(tmp))
            rows.append(("", *timed(db, me, files, "imported")))
            if args.again:
                del files
                rows.append((" rev 2", *timed(db, me, ward_files(n, 2, keys, to),
                                                "imported")))
            db.close()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        for what, seconds, cpu in rows:
            print(f"{n:6d} {seconds:9.2f} {seconds / n * 1000:8.1f} {cpu:7.1f} {peak:8.0f}  "
                  f"{seconds / n * GOAL_FILES:14.1f}s{what}")
    print(f"\nGoal: {GOAL_FILES} files in at most {GOAL_SECONDS:.0f} s "
          f"({GOAL_SECONDS / GOAL_FILES * 1000:.1f} ms per file).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
