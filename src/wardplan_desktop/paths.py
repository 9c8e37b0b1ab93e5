"""Where things are: the user's data folder and the program's bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "WardPlan"
ORG_NAME = "WardPlan"
DATA_DIR_ENV = "WARDPLAN_DATA_DIR"


def default_data_dir() -> Path:
    """The data folder: ``$WARDPLAN_DATA_DIR`` if set, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def program_root() -> Path:
    """The folder holding ``resources/`` and ``translations/``.

    In a frozen bundle that is the bundle's own folder; from a source checkout
    (also an editable install) it is the checkout.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return program_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return program_root() / "translations"
