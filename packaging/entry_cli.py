"""Entry script of the frozen ``wardplan-cli``, as PyInstaller runs it."""

import multiprocessing

if __name__ == "__main__":
    # ``sync import`` of many files reads them in worker processes (spawn), which
    # run this executable again: freeze_support() turns such a run into the worker.
    multiprocessing.freeze_support()
    from wardplan_desktop.cli import main

    main()
