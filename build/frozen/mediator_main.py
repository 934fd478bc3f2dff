"""Frozen entry point of ``mediator`` (the desktop app and its CLI)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not rerun the CLI
    from mediator.cli import main

    sys.exit(main())
