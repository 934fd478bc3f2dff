"""HTTP transport to the district server, with every failure mapped to a SyncError kind.

Plain HTTP is refused except to this computer (loopback); HTTPS is verified
against the configured district CA file, or the system's trust store.
"""

from __future__ import annotations

import functools
import ipaddress
import json
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from mediator.errors import MediatorError, SyncError, SyncErrorKind
from mediator.safe_input import read_capped
from mediator.sync.protocol import API, PROTOCOL_HEADER, PROTOCOL_VERSION

NETWORK_MESSAGE = "无法连接区级服务器，已离线继续工作；联网后会自动同步。"
TIMEOUT = httpx.Timeout(30.0, connect=5.0)


def check_url(url: str) -> str:
    """The normalised server URL, or a SyncError for one the client refuses."""
    if any(ord(ch) < 0x21 or 0x7F <= ord(ch) <= 0x9F for ch in url.strip()):
        # httpx would raise InvalidURL deep inside a request; say it here instead.
        raise SyncError("服务器地址中有空格或控制字符，请核对区级管理员给出的地址后重新输入。",
                        kind=SyncErrorKind.PROTOCOL)
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - a port out of range or not a number raises here
    except ValueError:
        raise SyncError("服务器地址格式不正确，例如 https://tiaojie.example.gov.cn",
                        kind=SyncErrorKind.PROTOCOL) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError("服务器地址应以 https:// 开头，例如 https://tiaojie.example.gov.cn",
                        kind=SyncErrorKind.PROTOCOL)
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise SyncError("为保护案件数据，只能通过 https:// 连接区级服务器（本机测试除外）。",
                        kind=SyncErrorKind.PROTOCOL)
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def check_ca_file(ca_file: str) -> None:
    """A CA file that is a readable regular PEM file of sane size, or a SyncError
    (OpenSSL would block on a FIFO, spin on /dev/zero, or answer in English)."""
    try:
        data = read_capped(Path(ca_file), 1024 * 1024, "CA 证书文件")
    except MediatorError as exc:
        raise SyncError(exc.message, kind=SyncErrorKind.PROTOCOL) from None
    if b"-----BEGIN CERTIFICATE-----" not in data:
        raise SyncError("CA 证书文件不是 PEM 格式的证书，请核对区级管理员给出的文件。",
                        kind=SyncErrorKind.PROTOCOL)


@functools.cache
def _ssl_context(ca_file: str) -> ssl.SSLContext:
    """Verification against the district CA file, or the system's trust store (built
    once: loading a CA bundle costs more than a whole idle sync round)."""
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    import certifi  # noqa: PLC0415 - httpx's own default trust store

    return ssl.create_default_context(cafile=certifi.where())


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ServerClient:
    """One connection pool to one server (thread-compatible: use from one thread)."""

    def __init__(self, url: str, *, ca_file: str = "", timeout: httpx.Timeout = TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = check_url(url)
        if ca_file:
            check_ca_file(ca_file)
        verify: Any = _ssl_context(ca_file) if self.url.startswith("https:") else False
        self._http = httpx.Client(base_url=self.url + API, timeout=timeout, verify=verify,
                                  transport=transport,
                                  headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)})
        self.bytes_sent = 0
        self.bytes_received = 0

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, path: str, *, token: str = "", body: Any = None,
             content: bytes | None = None, params: dict[str, Any] | None = None) -> Any:
        """Send one request; the decoded JSON answer (or bytes for a blob)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        data: bytes | None = content
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        elif method in ("POST", "PUT") and data is None:
            data = b""
        try:
            resp = self._http.request(method, path, content=data, params=params,
                                      headers=headers)
        except httpx.HTTPError as exc:
            if _certificate_problem(exc):
                raise SyncError(
                    "区级服务器的证书无法验证，已拒绝连接"
                    "（请确认服务器地址，并在设置中指定区级 CA 证书）。",
                    kind=SyncErrorKind.PROTOCOL) from exc
            raise SyncError(NETWORK_MESSAGE, kind=SyncErrorKind.NETWORK) from exc
        req = resp.request
        self.bytes_sent += (len(data or b"") + len(method) + len(req.url.raw_path) + 12
                            + sum(len(k) + len(v) + 4 for k, v in req.headers.raw))
        self.bytes_received += (len(resp.content) + 17
                                + sum(len(k) + len(v) + 4 for k, v in resp.headers.raw))
        if resp.status_code >= 400:
            raise _error_of(resp)
        if resp.headers.get("content-type", "").startswith("application/json"):
            try:
                return resp.json()
            except ValueError as exc:
                raise SyncError("区级服务器的回答无法识别。", kind=SyncErrorKind.PROTOCOL) from exc
        return resp.content


def _certificate_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class ServerRefused(SyncError):
    """A 4xx answer: ``code`` is the server's error code (e.g. "expired", "revoked")."""

    def __init__(self, message: str, *, kind: SyncErrorKind, status: int, code: str) -> None:
        super().__init__(message, kind=kind)
        self.status = status
        self.code = code


def _error_of(resp: httpx.Response) -> SyncError:
    try:
        body = resp.json()
        code, message = str(body.get("error", "")), str(body.get("message", ""))
    except (ValueError, AttributeError):
        code, message = "", ""
    status = resp.status_code
    if status == 426:
        kind = SyncErrorKind.UPGRADE
        message = message or "调解工作台版本过旧，请升级后再同步。"
    elif status == 401:
        kind = SyncErrorKind.AUTH
        message = message or "同步授权无效，请重新注册这台电脑。"
    elif status == 429:
        kind = SyncErrorKind.NETWORK
        message = message or "请求过于频繁，稍后会自动重试。"
    elif status >= 500:
        kind = SyncErrorKind.SERVER
        message = "区级服务器出错，稍后会自动重试；本机数据不受影响。"
    else:
        kind = SyncErrorKind.PROTOCOL
        message = message or f"区级服务器拒绝了请求（{status}）。"
    return ServerRefused(message, kind=kind, status=status, code=code)
