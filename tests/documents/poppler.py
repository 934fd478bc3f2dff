"""poppler-utils as independent judges of our PDFs (skip with a message when absent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def poppler(*args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(args[0]) is None:
        pytest.skip(f"{args[0]} (poppler-utils) is not installed; `make test` installs it")
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


def pdftotext(path: Path) -> str:
    result = poppler("pdftotext", "-enc", "UTF-8", str(path), "-")
    assert result.returncode == 0, result.stderr
    return result.stdout


def pdfsig(path: Path) -> str:
    """pdfsig's report, with its default certificate check.

    Our studio certificate is self-signed, so poppler says "Certificate issuer is
    unknown." (trust unknown), yet checks the signature itself, which must read
    "Signature is Valid." -- no -nocert needed.
    """
    result = poppler("pdfsig", str(path))
    return result.stdout + result.stderr
