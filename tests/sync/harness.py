"""Real parts for the sync tests: a district server process on 127.0.0.1, studio PCs
(real data dirs), admin commands, and direct row edits as a service would make them."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from mediator.paths import DataDir
from mediator.server import cli as server_cli
from mediator.services.dto import CaseRef
from mediator.services.sync import SyncService
from mediator.services.workspace import Workspace, open_workspace
from mediator.store import outbox
from mediator.store.models import Attachment, Case
from mediator.sync.client import ServerClient
from mediator.sync.engine import SyncReport, blob_file
from mediator.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.services.helpers import water_leak

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A port the OS chose (bind to port 0), held for the server about to start.

    Closing a plain bound socket would free the port for anyone: another pytest-xdist
    worker's server or an outgoing connection could take it before our server binds
    it, and our health check would then ask the wrong server.  One connection
    accepted and closed from the listening side leaves the port in TIME_WAIT for a
    minute: the OS gives it to no other bind(0) or connect() meanwhile, while a server
    that binds with SO_REUSEADDR (uvicorn does) may take it at once."""
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = int(listener.getsockname()[1])
        with socket.create_connection(("127.0.0.1", port)):
            accepted, _ = listener.accept()
            accepted.close()  # this side closes first: its end waits in TIME_WAIT
    return port


class ServerProcess:
    """``mediator-server serve`` as a child process on a random free port."""

    def __init__(self, root: Path, *, db_url: str | None = None,
                 env: dict[str, str] | None = None, workers: int | None = 1) -> None:
        self.root = root
        self.workers = workers
        self.db_url = db_url
        self.env = {"MEDIATOR_SERVER_RATE_LIMIT": "10000", **(env or {})}
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = root / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def base_args(self) -> list[str]:
        args = ["--data-dir", str(self.root)]
        if self.db_url:
            args += ["--db", self.db_url]
        return args

    def start(self, env: dict[str, str] | None = None) -> ServerProcess:
        full_env = {**os.environ, **self.env, **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mediator.server.cli", *self.base_args(), "serve",
             "--host", "127.0.0.1", "--port", str(self.port),
             # None: the server's own default, as the systemd unit starts it
             *(["--workers", str(self.workers)] if self.workers is not None else [])],
            cwd=REPO, env=full_env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True)  # its own process group: stop() ends its workers too
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + self.log.read_text()[-2000:])
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                if os.getpgid(self.proc.pid) == self.proc.pid:
                    os.killpg(self.proc.pid, signal.SIGKILL)  # the server and its workers
                else:  # started without a group of its own (a subclass): the process alone
                    self.proc.kill()
            self.proc.wait(10)
            self.proc = None

    def restart(self, env: dict[str, str] | None = None) -> None:
        self.stop()
        self.start(env)

    def admin(self, *args: str) -> str:
        """Run an admin command in-process; its stdout (raises on failure)."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = server_cli.main([*self.base_args(), *args])
        if code != 0:
            raise RuntimeError(err.getvalue())
        return out.getvalue()

    def new_studio(self, name: str, prefix: str = "") -> str:
        extra = ["--prefix", prefix] if prefix else []
        return self.admin("studio", "add", name, *extra).strip().splitlines()[-1]

    def code(self, name: str) -> str:
        return self.admin("studio", "code", name).strip().splitlines()[-1]


def api(server: ServerProcess, method: str, path: str, token: str = "", **kw: Any
        ) -> httpx.Response:
    """One request to the server's API as the current protocol, with ``token``."""
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), **kw.pop("headers", {})}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.request(method, f"{server.url}/api/v1{path}", headers=headers, timeout=30,
                         **kw)


class Pc:
    """One studio PC: a real data dir with its workspace and sync service."""

    def __init__(self, root: Path, committee: str, prefix: str, mediator: str) -> None:
        self.data = DataDir.resolve(root).ensure()
        self.ws: Workspace = open_workspace(self.data)
        self.ws.studio.setup(committee, prefix, mediator)
        self.sync = SyncService(self.ws)
        self.clock_offset = 0.0
        self.transport: Any = None

    def close(self) -> None:
        self.ws.close()

    def enrol(self, url: str, code: str) -> None:
        self.sync.enrol(url, code, device_name=self.data.root.name)

    def access_token(self) -> str:
        """A fresh access token of this enrolled PC (for calling the API by hand)."""
        eng = self.sync.engine()
        st = eng.state()
        eng.client = ServerClient(st.server_url)
        try:
            return eng._token(st, force=True)
        finally:
            eng.client.close()

    def run_sync(self, *, full_check: bool | None = None) -> SyncReport:
        return self.sync.sync_now(clock=lambda: time.time() + self.clock_offset,
                                  transport=self.transport, full_check=full_check)

    def register(self, summary: str = "", **changes: Any) -> CaseRef:
        reg = water_leak(registered_on=dt.date.today(), **changes)
        if summary:
            reg.summary = summary
        return self.ws.cases.register(reg)

    def edit_case(self, case_id: str, summary: str) -> None:
        with self.ws.db.write() as s:
            case = s.execute(select(Case).where(Case.id == case_id)).scalar_one()
            case.summary = summary
            outbox.enqueue(s, "case", case_id)

    def delete_case(self, case_id: str) -> None:
        with self.ws.db.write() as s:
            case = s.execute(select(Case).where(Case.id == case_id)).scalar_one()
            case.deleted = True
            outbox.enqueue(s, "case", case_id)

    def attach(self, case_id: str, content: bytes, filename: str = "照片.jpg") -> str:
        sha = hashlib.sha256(content).hexdigest()
        path = blob_file(self.data, sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        studio_id = self.ws.studio.context()[0].id
        with self.ws.db.write() as s:
            att = Attachment(studio_id=studio_id, case_id=case_id, sha256=sha,
                             filename=filename, size=len(content), mime="image/jpeg")
            s.add(att)
            s.flush()
            outbox.enqueue(s, "attachment", att.id)
        return sha

    def cases(self, include_deleted: bool = False) -> dict[str, Case]:
        with self.ws.db.read() as s:
            q = select(Case)
            if not include_deleted:
                q = q.where(Case.deleted.is_(False))
            rows = list(s.execute(q).scalars())
            s.expunge_all()
            return {c.id: c for c in rows}

    def case_numbers(self) -> list[str]:
        return sorted(c.case_no for c in self.cases(include_deleted=True).values())


@contextlib.contextmanager
def server_at(root: Path, **kw: Any) -> Iterator[ServerProcess]:
    srv = ServerProcess(root, **kw).start()
    try:
        yield srv
    finally:
        srv.stop()
