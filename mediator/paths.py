"""Every path the app uses, in one place.

The data directory is platformdirs' user data dir for "Mediator", unless
``--data-dir`` or the ``MEDIATOR_DATA_DIR`` environment variable says otherwise
(tests and portable installs use that).  Everything personal lives under it:
the database, backups, attachments, keys, drafts.  Nothing personal is written
anywhere else (no system temp files: temporary files go to ``tmp/`` inside).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Mediator"
ENV_DATA_DIR = "MEDIATOR_DATA_DIR"


def resources_dir() -> Path:
    """The bundled resources (fonts, translations, catalogues).

    In a PyInstaller build they sit next to the frozen package (``sys._MEIPASS``);
    in a checkout they are the repository's ``resources/``.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


@dataclass(frozen=True)
class DataDir:
    """The layout of one data directory."""

    root: Path

    @classmethod
    def resolve(cls, override: str | os.PathLike[str] | None = None) -> DataDir:
        root = Path(override).expanduser() if override else default_data_dir()
        return cls(root.resolve())

    @property
    def database(self) -> Path:
        return self.root / "mediator.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def blobs(self) -> Path:
        """Content-addressed files (attachments, signed PDFs): blobs/ab/abcdef…"""
        return self.root / "blobs"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    def ensure(self) -> DataDir:
        for d in (self.root, self.backups, self.blobs, self.keys, self.tmp, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            # Personal data: only the studio's account may read it.
            for d in (self.root, self.keys):
                d.chmod(0o700)
        return self
