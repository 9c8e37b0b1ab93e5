"""The installed commands' entry points (``wardplan``, ``wardplan-cli``).

Each imports its program only when called.  The launcher script the installer writes
imports this module at its top, and every worker process that reads sync files (they
are started afresh, "spawn") imports that script again before it starts: whatever the
script imports, each worker loads for nothing — the command line's modules, with
SQLAlchemy and Qt, would cost each of them half a second.
"""

from __future__ import annotations


def cli() -> None:
    from .cli import main

    main()


def gui() -> None:
    from .app import main

    main()
