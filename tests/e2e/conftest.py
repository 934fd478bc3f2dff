"""End-to-end fixtures: the sync tests' real server process and PCs."""

from tests.sync.conftest import make_pc, server, sqlite_server  # noqa: F401
