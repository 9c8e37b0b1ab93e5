"""Receiving many wards' sync files in one upper-level data folder.

    .venv/bin/python benchmarks/sync_import.py [--sizes 10 100 1000 3321]

For each N, makes N signed files of N different wards (each a copy of a real
ward plan under its own code, identifiers and key), imports them all into a new
upper-level database and prints the time, the time per file and the peak memory
of this process, so growth with N is visible. The goal is all 3,321 communes
and wards of the country in at most 5 seconds, growing linearly.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import open_data_folder
from wardplan_desktop.core.sync.exchange import receive_files
from wardplan_desktop.core.sync.keys import Identity
from wardplan_desktop.core.sync.package import write_package
from wardplan_desktop.paths import resource_path

GOAL_SECONDS, GOAL_FILES = 5.0, 3321


def ward_files(n: int) -> list[tuple[str, bytes]]:
    base = json.loads(resource_path("demo", "003_a5ef3e362a8e7281.json").read_text("utf-8"))
    upper = base["plan"]["unit"]["upper"]
    files = []
    for i in range(n):
        data = codec.with_new_uids(base)
        unit = data["plan"]["unit"]
        unit["code"], unit["name"] = f"W{i:05d}", f"Phường số {i + 1}"
        identity = Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
        manifest = {"type": "plan", "sender": {"code": unit["code"], "name": unit["name"],
                                               "level": "ward"},
                    "receiver": {"code": upper["code"], "name": upper["name"],
                                 "level": upper["level"]},
                    "year": 2024, "kind": "plan", "revision": 1,
                    "created": "2023-11-29T00:00:00+00:00", "program_version": "bench"}
        files.append((f"{unit['code']}.wpsync",
                      write_package(identity, manifest, codec.dump_plan(data))))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args(argv)
    print(f"{'files':>6} {'seconds':>9} {'ms/file':>8} {'peak MB':>8}  {'projected 3321':>15}")
    for n in args.sizes:
        files = ward_files(n)
        with tempfile.TemporaryDirectory() as tmp:
            db = open_data_folder(Path(tmp))
            me = Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
            start = time.perf_counter()
            outcomes = receive_files(db, me, files, accept_new=True)
            seconds = time.perf_counter() - start
            db.close()
        assert all(o.status == "imported" for o in outcomes)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:6d} {seconds:9.2f} {seconds / n * 1000:8.1f} {peak:8.0f}  "
              f"{seconds / n * GOAL_FILES:14.1f}s")
    print(f"\nGoal: {GOAL_FILES} files in at most {GOAL_SECONDS:.0f} s "
          f"({GOAL_SECONDS / GOAL_FILES * 1000:.1f} ms per file).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
