"""What an edit is about, for the window and the core alike: where an item sits, and
what a saved edit did.  Plain data, kept apart from ``editing.py`` (which needs the
ORM) so that the window's forms are built without loading it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Saved:
    """What an edit did: the state before (for undo) and the plan's revision after."""

    old: Any
    revision: int
    at: str
    #: False when the edit asked for what was already stored: nothing was written.
    changed: bool = True


@dataclass(frozen=True)
class Place:
    """Where an item sits: its parent (None at the top), its group (indicators), position."""

    parent_uid: str | None
    position: int
    group_uid: str | None = None
