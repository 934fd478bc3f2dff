"""Frozen entry point of ``mediator-server`` (the district server)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # uvicorn --workers spawns children of this program
    from mediator.server.cli import main

    sys.exit(main())
