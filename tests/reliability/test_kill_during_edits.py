"""Killing the program during edits loses no saved edit and never damages the database.

A child program (``edit_child.py``) edits the plan in a data folder through the
functions the clerk's window uses, acknowledging each edit on stdout once it has
returned (committed).  The test kills it with SIGKILL at a random moment, then
checks the database: SQLite finds it sound, the program opens it, and the plan
holds every acknowledged edit; an edit announced but not acknowledged may be
there or not, whole, never in part.  The next trial goes on in the same folder,
so any damage would add up.

Three ways to pick the moment, in turn:

- ``timed``: a random delay after the child is ready (lands anywhere: inside a
  transaction, during a commit or a checkpoint, between edits);
- ``begin``: a fraction of a millisecond after the child announces its n-th edit
  (nearly always inside that edit's unit of work);
- ``stall``: the child stops inside the n-th edit's transaction, after every
  statement and before the commit, and is killed there (certainly mid-transaction:
  that edit must then be absent).
"""

from __future__ import annotations

import copy
import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from reliability import edit_model as em
from support import FULL, SEED_003
from wardplan_desktop.core import service
from wardplan_desktop.core.storage.database import DB_FILENAME, Database, open_data_folder

CHILD = Path(__file__).with_name("edit_child.py")
TRIALS = 100 if FULL else 15
BASE_SEED = 20231129
MODES = ("timed", "begin", "stall")
UNIT, YEAR = "P-MYPHU", 2024
#: How long to wait for a line the child must print before calling it stuck
#: (a guard against a hang, not a measure of anything).
PATIENCE = 120.0


@dataclass
class Trial:
    number: int
    mode: str
    seed: int
    stall_at: int = 0
    kill_at_begin: int = 0
    delay: float = 0.0
    lines: list[dict[str, Any]] = field(default_factory=list)

    def describe(self) -> str:
        return (f"trial {self.number} ({self.mode}, child seed {self.seed}, "
                f"stall at {self.stall_at}, kill at begin {self.kill_at_begin}, "
                f"delay {self.delay:.4f} s)")


def plan_trial(number: int) -> Trial:
    rng = random.Random(f"{BASE_SEED}-{number}")
    mode = MODES[number % len(MODES)]
    trial = Trial(number, mode, rng.getrandbits(32))
    if mode == "timed":
        trial.delay = rng.uniform(0.0, 0.4)
    elif mode == "begin":
        trial.kill_at_begin = rng.randint(1, 60)
        trial.delay = rng.uniform(0.0, 0.002)
    else:
        trial.stall_at = rng.randint(1, 40)
    return trial


# --------------------------------------------------------------------------- running


def run_child(folder: Path, trial: Trial, log: Path) -> None:
    """Start the child, kill it at the trial's moment, collect every complete line."""
    with log.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(folder), str(trial.seed), str(trial.stall_at)],
            stdout=subprocess.PIPE, stderr=stderr)
        lines: queue.Queue[bytes | None] = queue.Queue()

        def read() -> None:
            assert child.stdout is not None
            for raw in child.stdout:
                lines.put(raw)
            lines.put(None)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()

        def next_line() -> dict[str, Any]:
            try:
                raw = lines.get(timeout=PATIENCE)
            except queue.Empty:
                child.kill()
                pytest.fail(f"{trial.describe()}: the child printed nothing for "
                            f"{PATIENCE:.0f} s")
            if raw is None or not raw.endswith(b"\n"):
                child.wait()
                pytest.fail(f"{trial.describe()}: the child ended by itself "
                            f"(exit {child.returncode}):\n{log.read_text(errors='replace')}")
            line = json.loads(raw)
            trial.lines.append(line)
            return line

        try:
            while "ready" not in next_line():
                pass
            if trial.mode == "begin":
                while next_line().get("begin") != trial.kill_at_begin:
                    pass
            elif trial.mode == "stall":
                while "stall" not in next_line():
                    pass
            time.sleep(trial.delay)
        finally:
            child.kill()  # SIGKILL on POSIX
            child.wait()
            reader.join()
            child.stdout.close()
    # Lines printed before the kill and not read yet are acknowledgements all the same;
    # a last line cut short (no newline) is not.
    while (raw := lines.get_nowait()) is not None:
        if raw.endswith(b"\n"):
            trial.lines.append(json.loads(raw))
    if os.name == "posix":
        assert child.returncode == -signal.SIGKILL, \
            f"{trial.describe()}: the child ended by itself (exit {child.returncode}):\n" \
            + log.read_text(errors="replace")


@dataclass
class Expected:
    """What the database must hold after a trial."""

    acked: dict[str, Any]  # the model with every acknowledged edit
    pending: dict[str, Any] | None  # ... and the edit in progress, when there was one
    pending_op: list[Any] | None
    revision: int  # the plan's revision after the last acknowledged edit
    stalled: bool  # killed inside the pending edit's transaction, before its commit
    acks: list[dict[str, Any]]


def replay(trial: Trial, start: dict[str, Any], start_revision: int) -> Expected:
    """Follow the child's lines: the acknowledged edits, applied in order, and the one
    in progress."""
    model = copy.deepcopy(start)
    revision, pending, stalled, acks = start_revision, None, False, []
    ready = trial.lines[0]
    assert ready["digest"] == em.digest(start), \
        f"{trial.describe()}: the child and the test read the plan differently"
    assert ready["revision"] == start_revision
    for line in trial.lines[1:]:
        if "begin" in line:
            assert pending is None
            pending = line
        elif "ack" in line:
            assert pending is not None and pending["begin"] == line["ack"]
            assert pending["edit"] == line["edit"]
            em.apply(model, line["edit"])
            assert em.state_of(model, line["item"]) == line["state"], \
                f"{trial.describe()}: the child and the test disagree on edit {line}"
            if line["changed"]:
                revision = line["revision"]
            acks.append(line)
            pending = None
        elif "refused" in line:
            assert pending is not None and pending["begin"] == line["refused"]
            pending = None
        elif "stall" in line:
            assert pending is not None and pending["begin"] == line["stall"]
            stalled = True
    op = pending["edit"] if pending is not None else None
    return Expected(model, em.applied(model, op) if op else None, op, revision,
                    stalled, acks)


# --------------------------------------------------------------------------- checking


def check_sqlite(path: Path, trial: Trial) -> None:
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        assert integrity == [("ok",)], f"{trial.describe()}: integrity_check: {integrity}"
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert broken == [], f"{trial.describe()}: foreign_key_check: {broken}"
        # Siblings are numbered 0..n-1: every edit renumbers them in its own transaction.
        for table, siblings in (("section", "plan_id, parent_id"),
                                ("indicator", "plan_id, group_id, parent_id"),
                                ("key_task", "plan_id"), ("footnote", "plan_id"),
                                ("legal_basis", "plan_id"), ("recipient", "plan_id")):
            rows = conn.execute(f"SELECT {siblings}, group_concat(position) FROM "
                                f"(SELECT * FROM {table} ORDER BY position) "
                                f"GROUP BY {siblings}").fetchall()
            for row in rows:
                positions = [int(p) for p in row[-1].split(",")]
                assert positions == list(range(len(positions))), \
                    f"{trial.describe()}: {table} {row[:-1]} at positions {positions}"
    finally:
        conn.close()


def check_plan(db: Database, trial: Trial, expected: Expected) -> tuple[dict[str, Any], int]:
    """The plan holds every acknowledged edit, and the edit in progress whole or not at all.

    Returns the plan's model and revision as found, where the next trial starts.
    """
    plan = service.export_plan(db, UNIT, YEAR)["plan"]
    found = em.project(plan)
    with_pending = expected.pending is not None and found == expected.pending
    if found != expected.acked and not with_pending:
        keys = em.differing(expected.acked, found)
        edits = [a["ack"] for a in expected.acks if a["item"] in keys]
        lost = [f"  {d}" for d in em.differences(expected.acked, found)]
        hint = "" if expected.pending is None else \
            "\nnor with the edit in progress:\n" + "\n".join(
                f"  {d}" for d in em.differences(expected.pending, found))
        pytest.fail(f"{trial.describe()}: the plan differs from the acknowledged edits "
                    f"({len(expected.acks)} this trial; those of these items: {edits}; "
                    f"in progress: {expected.pending_op}):\n"
                    + "\n".join(lost) + hint)
    if expected.stalled:
        assert found == expected.acked, \
            f"{trial.describe()}: an edit killed before its commit is in the database"
    # The revision goes up once per saved edit (the history with it): the edit in
    # progress may have raised it once when it is in, or made no difference to see.
    if found != expected.acked:
        allowed = {expected.revision + 1}
    elif found != expected.pending:
        allowed = {expected.revision}
    else:
        allowed = {expected.revision, expected.revision + 1}
    assert plan["revision"] in allowed, \
        f"{trial.describe()}: revision {plan['revision']}, expected one of {allowed}"
    history = service.plan_history(db, plan["uid"])
    assert max(c.revision for c in history) == plan["revision"], \
        f"{trial.describe()}: the history does not reach revision {plan['revision']}"
    return found, plan["revision"]


# --------------------------------------------------------------------------- the trial


def test_killing_the_program_during_edits_loses_no_saved_edit(tmp_path: Path) -> None:
    folder = tmp_path / "trial"
    with open_data_folder(folder) as db:
        service.import_plan_file(db, SEED_003)
        plan = service.export_plan(db, UNIT, YEAR)["plan"]
    model, revision = em.project(plan), plan["revision"]
    tally = {"acknowledged": 0, "killed mid-edit": 0, "stalled before commit": 0,
             "pending edit found saved": 0}
    for number in range(TRIALS):
        trial = plan_trial(number)
        run_child(folder, trial, tmp_path / f"child-{number}.log")
        expected = replay(trial, model, revision)
        check_sqlite(folder / DB_FILENAME, trial)
        with Database(folder / DB_FILENAME) as db:
            found, revision = check_plan(db, trial, expected)
        tally["acknowledged"] += len(expected.acks)
        tally["killed mid-edit"] += expected.pending_op is not None
        tally["stalled before commit"] += expected.stalled
        tally["pending edit found saved"] += found != expected.acked
        model = found
    assert tally["stalled before commit"] == sum(
        plan_trial(n).mode == "stall" for n in range(TRIALS))
    print(f"{TRIALS} kills: " + ", ".join(f"{k} {v}" for k, v in tally.items()))
