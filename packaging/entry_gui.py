"""Entry script of the frozen ``wardplan`` (the GUI), as PyInstaller runs it."""

import multiprocessing

if __name__ == "__main__":
    # A worker process started by the program (spawn) runs this executable too:
    # freeze_support() turns it into the worker before anything else happens.
    multiprocessing.freeze_support()
    from wardplan_desktop.app import main

    main()
