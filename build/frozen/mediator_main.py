"""Frozen entry point of ``mediator`` (the desktop app and its CLI) and, on Linux,
of ``mediator-server``: the bundle's ``mediator-server`` is a link to this program,
which serves the district server when started under that name.  One program
instead of two saves a second copy of the whole Python archive (17 MB); Windows,
without links, gets its own ``mediator-server.exe`` from ``server_main.py``."""

import multiprocessing
import sys
from pathlib import Path

if __name__ == "__main__":
    # A frozen child process (uvicorn --workers, multiprocessing) must not rerun the CLI.
    multiprocessing.freeze_support()
    if Path(sys.argv[0]).name.lower().startswith("mediator-server"):
        from mediator.server.cli import main
    else:
        from mediator.cli import main

    sys.exit(main())
