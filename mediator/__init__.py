"""Mediator (调解工作台): a desktop workstation for People's Mediation studios.

Layers (see ARCHITECTURE.md): ``domain`` (pure rules) <- ``store`` (SQLite) <-
``documents`` / ``sync`` <- ``services`` (use cases) <- ``ui`` (PySide6, the only
Qt importer).  ``server`` is the district server and shares only ``domain`` and
``sync.protocol`` with the desktop.
"""

__version__ = "0.1.0"
