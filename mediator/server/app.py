"""The district server's HTTP API (FastAPI).  OpenAPI at /openapi.json.

Every ``/api`` request carries the protocol version header; the tenant of a
request is the studio of its access token, never anything in the body or path.
Errors are JSON ``{"error": code, "message": 中文}`` with a 4xx/5xx status and
change nothing.
"""

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mediator.domain.ids import new_id
from mediator.server import failpoints, feed
from mediator.server.auth import (
    AuthError,
    Principal,
    RateLimiter,
    authenticate,
    consume_enrol_code,
    issue_tokens,
    record_failure,
    refresh,
)
from mediator.server.blobs import BlobStore
from mediator.server.ca import CSRError, ensure_ca, issue_certificate
from mediator.server.db import ServerDB
from mediator.server.feed import FeedError
from mediator.server.models import Device, Studio, utcnow
from mediator.server.openapi import allowed_methods
from mediator.server.openapi import document as openapi_document
from mediator.sync.protocol import (
    API,
    BLOB_CHUNK_BYTES,
    DEFAULT_PULL_LIMIT,
    JSON_SAFE_INT,
    MAX_PROTOCOL,
    MAX_PULL_LIMIT,
    MAX_REQUEST_BYTES,
    MIN_PROTOCOL,
    PROTOCOL_HEADER,
    UPGRADE_MESSAGE,
    BlobStatus,
    ConflictInfo,
    DigestInfo,
    EnrolRequest,
    EnrolResult,
    Lease,
    LeaseRequest,
    PullPage,
    PushRequest,
    PushResult,
    RefreshRequest,
    SetAsideReport,
    TokenPair,
)

log = logging.getLogger("mediator.server")
T = TypeVar("T")
MAX_POSITION = JSON_SAFE_INT
"""Cursors, offsets and sizes fit 64 bits in every database we run on and are exact
in any JSON reader (2**53 - 1); a larger one is a 422, not an overflow deep in the
driver (a 500)."""
_HTTP_WORDS = {404: ("not_found", "没有这个接口或资源。"),
               405: ("method_not_allowed", "这个接口不支持这种请求方法。")}


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None
           ) -> JSONResponse:
    h = {PROTOCOL_HEADER: str(MAX_PROTOCOL), **(headers or {})}
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=h)


class _Guard:
    """Protocol version and request size, before any handler runs, and no answer
    before the writes it may report are durable (a plain ASGI middleware:
    Starlette's BaseHTTPMiddleware costs more than a whole pull)."""

    def __init__(self, app: ASGIApp, durable: Callable[[], Awaitable[None]]) -> None:
        self.app = app
        self.durable = durable

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._check(scope) if scope["path"].startswith("/api/") else None
        if problem is not None:
            await problem(scope, receive, send)
            return

        async def send_with_version(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Group commit: whatever this answer reports or shows was committed;
                # it leaves once that is on disk (see ServerDB.durable).
                await self.durable()
                headers = list(message.get("headers", []))
                headers.append((PROTOCOL_HEADER.lower().encode(), str(MAX_PROTOCOL).encode()))
                message = {**message, "headers": headers}
            await send(message)

        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_with_version(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as exc:  # the last line before uvicorn's traceback
            # Uvicorn would print the traceback, and a database error's text carries
            # the statement and its parameters (personal data) to the terminal and
            # the journal.  The server log gets the kind of error and where, no more.
            log.error("unhandled %s in %s %s (details withheld: they may hold personal "
                      "data)", type(exc).__name__, scope.get("method", ""), scope["path"])
            if not started:
                await _error(500, "server_error", "区级服务器内部错误，请稍后再试；"
                             "如反复出现请联系区级管理员。")(scope, receive, send_with_version)

    @staticmethod
    def _check(scope: Scope) -> JSONResponse | None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        raw = headers.get(PROTOCOL_HEADER.lower())
        try:
            version = int(raw) if raw is not None else None
        except ValueError:
            version = None
        if version is None:
            return _error(400, "no_protocol", f"请求缺少有效的 {PROTOCOL_HEADER} 协议版本。")
        if version < MIN_PROTOCOL:
            return _error(426, "upgrade", UPGRADE_MESSAGE,
                          {"Upgrade": f"mediator/{MIN_PROTOCOL}"})
        if version > MAX_PROTOCOL:
            return _error(400, "server_too_old",
                          "区级服务器的版本比本机旧，暂不能同步。请联系区级管理员升级服务器。")
        if scope["method"] in ("POST", "PUT"):
            length = headers.get("content-length")
            if length is None:
                return _error(411, "no_length", "请求必须声明 Content-Length。")
            # isascii: "²" is a digit to str.isdigit but not to int(); 18: int() of a
            # 5,000-digit length would raise instead of answering.
            if not (length.isascii() and length.isdigit()) or len(length) > 18 \
                    or int(length) > MAX_REQUEST_BYTES:
                return _error(413, "too_large", "请求过大，超过服务器允许的上限。")
        return None


def create_app(db_url: str, data_dir: Path, *, group_commit: bool = True,
               pool_size: int | None = None) -> FastAPI:
    """The app on ``db_url``.  ``group_commit``: SQLite commits are made durable
    in groups before answering (only right when this is the one server process:
    another process could read a commit before it is synced).  ``pool_size``:
    PostgreSQL connections of this process (see :data:`db.DEFAULT_PG_POOL`)."""
    db = ServerDB(db_url, group_commit=group_commit, pool_size=pool_size, data_dir=data_dir)
    blobs = BlobStore(data_dir / "blobs")
    with db.write() as s:
        ensure_ca(s, data_dir)
    limiter = RateLimiter(int(os.environ.get("MEDIATOR_SERVER_RATE_LIMIT", "30")))

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if not db.is_sqlite:
            # As many threads as pooled connections: a request then waits in the
            # queue for a thread (cheap), not in a thread for a connection; 40 threads
            # on 4 connections cost ~10 % more server CPU and PostgreSQL CPU a round.
            anyio.to_thread.current_default_thread_limiter().total_tokens = db.pool_size
        yield

    app = FastAPI(lifespan=lifespan, title="Mediator district server (调解工作台区级服务器)",
                  version=str(MAX_PROTOCOL),
                  description="Sync protocol for studio PCs. Protocol header: "
                              f"{PROTOCOL_HEADER} ({MIN_PROTOCOL}..{MAX_PROTOCOL}).")
    app.add_middleware(_Guard, durable=db.durable)
    app.state.db = db
    app.openapi = lambda: openapi_document(app)  # type: ignore[method-assign]  # every code

    @app.exception_handler(FeedError)
    async def _feed_error(_request: Request, exc: FeedError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        where = ".".join(str(p) for p in exc.errors()[0].get("loc", ())) if exc.errors() else ""
        # The location names our fields; keep it printable and short whatever was sent.
        where = where.encode("utf-8", "replace").decode("utf-8")[:80]
        return _error(422, "bad_request", f"请求格式不正确（{where}）。")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Starlette's own 404/405 would otherwise answer FastAPI's English {"detail": ...}.
        code, message = _HTTP_WORDS.get(exc.status_code, ("http_error", "请求无法处理。"))
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # Starlette names one route's methods; a path may have two
            headers["Allow"] = allowed_methods(request.app, request.url.path)
        return _error(exc.status_code, code, message, headers)

    @app.exception_handler(UnicodeEncodeError)
    async def _lone_surrogate(_request: Request, _exc: UnicodeEncodeError) -> JSONResponse:
        # JSON may spell a lone surrogate ("\ud800"); no text column can store it.
        return _error(422, "bad_text", "请求中有无效的文字（不成对的 Unicode 代理字符）。")

    def client_of(request: Request) -> str:
        return request.client.host if request.client else ""

    def check_bearer(request: Request, authorization: str) -> Principal:
        bearer = authorization[7:] if authorization.startswith("Bearer ") else ""
        with db.connect() as conn:
            try:
                return authenticate(conn, bearer)
            except AuthError as exc:
                failure = exc
        with db.write() as s:
            record_failure(s, failure.reason, client_of(request))
        raise FeedError(401, failure.reason, failure.message)

    async def principal_inline(request: Request,
                               authorization: Annotated[str, Header()] = "") -> Principal:
        # SQLite: inline on the event loop.  One indexed query on a Core connection
        # costs less than a hop to the thread pool and back, or an ORM session.
        return check_bearer(request, authorization)

    def principal_pooled(request: Request,
                         authorization: Annotated[str, Header()] = "") -> Principal:
        # PostgreSQL: a plain def, which FastAPI runs in its thread pool.  Inline, the
        # query's round trip (and any wait for a pooled connection) stalled the event
        # loop, so under load each process authenticated one request at a time.
        return check_bearer(request, authorization)

    Auth = Annotated[Principal, Depends(principal_inline if db.is_sqlite else principal_pooled)]

    def limited(request: Request) -> None:
        if not limiter.allow(client_of(request)):
            raise FeedError(429, "rate_limited", "请求过于频繁，请一分钟后再试。")

    @app.get("/health")
    def health() -> dict[str, object]:
        return {"ok": True, "protocol": [MIN_PROTOCOL, MAX_PROTOCOL]}

    @app.post(f"{API}/enrol", response_model=EnrolResult, dependencies=[Depends(limited)])
    def enrol(req: EnrolRequest, request: Request) -> EnrolResult:
        with db.write() as s:
            try:
                studio_id = consume_enrol_code(s, req.code)
            except AuthError as exc:
                record_failure(s, exc.reason, client_of(request))
                failure = exc
            else:
                studio = db.lock_studio(s, studio_id)
                assert studio is not None
                if not studio.case_prefix and req.case_prefix:
                    studio.case_prefix = req.case_prefix
                device = Device(id=new_id(), studio_id=studio_id, name=req.device_name,
                                last_seen=utcnow())
                s.add(device)
                cert = chain = ""
                if req.csr_pem:
                    try:
                        cert, chain = issue_certificate(s, data_dir, req.csr_pem, studio.name)
                    except CSRError as exc:
                        raise FeedError(422, "bad_csr", str(exc)) from exc
                tokens = issue_tokens(s, device.id)
                log.info("device enrolled: studio=%s device=%s", studio_id, device.id)
                return EnrolResult(**tokens.model_dump(), studio_id=studio_id,
                                   studio_name=studio.name, case_prefix=studio.case_prefix,
                                   device_id=device.id, cert_pem=cert, chain_pem=chain)
        raise FeedError(401, failure.reason, failure.message)

    @app.post(f"{API}/token", response_model=TokenPair, dependencies=[Depends(limited)])
    def token(req: RefreshRequest, request: Request) -> TokenPair:
        with db.write() as s:
            try:
                return refresh(s, req.refresh_token)
            except AuthError as exc:
                failure = exc
        # Reuse detection revoked the device inside that transaction; log apart.
        with db.write() as s:
            record_failure(s, failure.reason, client_of(request))
        raise FeedError(401, failure.reason, failure.message)

    inline_turn = asyncio.Lock()

    async def offload(fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        # The embedded SQLite has one writer and runs in-process: the hot paths run
        # inline on the event loop, which beats a hop to the thread pool and back.
        # One at a time, each in a loop iteration of its own: otherwise a burst of
        # requests runs in one iteration, and the answers, which wait for the group
        # commit's fsync, all leave at its end.
        # PostgreSQL answers over a socket: there the pool keeps the loop free.
        if not db.is_sqlite:
            return await run_in_threadpool(fn, *args, **kw)
        async with inline_turn:
            try:
                return fn(*args, **kw)
            finally:
                await asyncio.sleep(0)  # the next job waits while answers and fsyncs go

    def push_body(req: PushRequest, who: Principal) -> str:
        # Serialised once, in feed (FastAPI would validate the model a second time).
        return feed.push_body(db, who.studio_id, who.device_id, req,
                              after_commit=lambda: failpoints.hit("push_after_commit"))

    @app.post(f"{API}/push", response_model=PushResult)
    async def push(req: PushRequest, who: Auth) -> Response:
        return Response(await offload(push_body, req, who), media_type="application/json")

    def pull_body(who: Principal, cursor: int, limit: int, everything: bool) -> str:
        return feed.pull(db, who.studio_id, cursor, limit,
                         skip_device="" if everything else who.device_id)

    @app.get(f"{API}/pull", response_model=PullPage)
    async def pull(who: Auth, cursor: Annotated[int, Query(ge=0, le=MAX_POSITION)] = 0,
                   limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
                   everything: Annotated[bool, Query(alias="all")] = False) -> Response:
        """A page of the studio's feed; ``all`` includes this device's own writes
        (a repair pull), which are otherwise left out."""
        return Response(await offload(pull_body, who, cursor, limit, everything),
                        media_type="application/json")

    @app.get(f"{API}/digest", response_model=DigestInfo)
    def digest(who: Auth) -> DigestInfo:
        return feed.digest(db, who.studio_id)

    @app.post(f"{API}/lease", response_model=Lease)
    def lease(req: LeaseRequest, who: Auth) -> Lease:
        with db.read() as s:
            studio = s.get(Studio, who.studio_id)
            if studio is not None and studio.case_prefix and studio.case_prefix != req.prefix:
                raise FeedError(409, "prefix_mismatch", "案号字头与区级登记的不一致。")
        return feed.lease(db, who.studio_id, who.device_id, prefix=req.prefix, year=req.year,
                          count=req.count, used_max=req.used_max)

    @app.get(f"{API}/conflicts", response_model=list[ConflictInfo])
    def conflicts(who: Auth) -> list[ConflictInfo]:
        return feed.conflicts(db, who.studio_id)

    @app.post(f"{API}/conflicts/{{conflict_id}}/resolve")
    def resolve(conflict_id: str, who: Auth) -> dict[str, bool]:
        feed.resolve_conflict(db, who.studio_id, conflict_id)
        return {"resolved": True}

    @app.post(f"{API}/set-aside")
    def set_aside(req: SetAsideReport, who: Auth) -> dict[str, int]:
        """Rows of the feed a PC could not apply and set aside: noted in the server
        log (ids and reasons only) for the district administrator to look into."""
        for r in req.rows:
            log.warning("studio %s device %s set aside %s %s v%d: %s", who.studio_id,
                        who.device_id, r.entity, r.id, r.version, r.reason)
        return {"noted": len(req.rows)}

    @app.get(f"{API}/blobs/{{sha}}/status", response_model=BlobStatus)
    def blob_status(sha: str, who: Auth) -> BlobStatus:
        return blobs.status(db, who.studio_id, sha)

    @app.put(f"{API}/blobs/{{sha}}", response_model=BlobStatus)
    async def blob_put(sha: str, request: Request, who: Auth,
                       offset: Annotated[int, Query(ge=0, le=MAX_POSITION)],
                       size: Annotated[int, Query(ge=0, le=MAX_POSITION)]) -> BlobStatus:
        body = await request.body()
        if len(body) > BLOB_CHUNK_BYTES:
            raise FeedError(413, "too_large", "单次上传的数据块过大。")
        return await run_in_threadpool(blobs.put_chunk, db, who.studio_id, sha,
                                       size=size, offset=offset, body=body)

    @app.get(f"{API}/blobs/{{sha}}")
    def blob_get(sha: str, who: Auth,
                 offset: Annotated[int, Query(ge=0, le=MAX_POSITION)] = 0) -> Response:
        data = blobs.read(db, who.studio_id, sha, offset)
        return Response(data, media_type="application/octet-stream")

    # The district's own pages (/dashboard): district accounts, never device tokens.
    from mediator.server import dashboard  # noqa: PLC0415  (Jinja2 loads with the app)

    dashboard.install(app, db)
    return app


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory`` (several worker processes)."""
    data_dir = Path(os.environ["MEDIATOR_SERVER_DATA_DIR"])
    workers = int(os.environ.get("MEDIATOR_SERVER_WORKERS", "1"))
    pool = os.environ.get("MEDIATOR_SERVER_POOL_SIZE", "")
    return create_app(os.environ["MEDIATOR_SERVER_DB"], data_dir, group_commit=workers == 1,
                      pool_size=int(pool) if pool.isdigit() else None)
