"""A small HTTP-aware TCP proxy on 127.0.0.1 that injects faults between a PC and the server.

Faults (armed one at a time, counted over all connections since arming):

* ``cut_up(n)``: forward the first ``n`` request bytes, then drop the connection;
* ``cut_down(n)``: deliver requests whole, but drop the connection after ``n``
  response bytes (the server has acted; its answer is lost);
* ``duplicate()``: deliver every request to the server twice, answer with the second;
* ``flip_put(k)``: flip byte ``k`` of the body of the next PUT (a blob chunk).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass


@dataclass
class _Fault:
    kind: str = ""
    n: int = 0


def _read_message(sock: socket.socket, buf: bytearray, *, is_response: bool = False,
                  ) -> bytes | None:
    """One HTTP/1.1 message (Content-Length framing) from ``sock``; None at EOF."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head_end = buf.index(b"\r\n\r\n") + 4
    head = bytes(buf[:head_end]).decode("latin-1").lower()
    length = 0
    for line in head.split("\r\n"):
        if line.startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    while len(buf) < head_end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    msg = bytes(buf[:head_end + length])
    del buf[:head_end + length]
    return msg


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self.fault = _Fault()
        self.up_bytes = 0
        self.down_bytes = 0
        self.requests = 0
        self.fired = False
        self._lock = threading.Lock()
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ------------------------------------------------------------------ control
    def _arm(self, kind: str, n: int = 0) -> None:
        with self._lock:
            self.fault = _Fault(kind, n)
            self.up_bytes = self.down_bytes = self.requests = 0
            self.fired = False

    def heal(self) -> None:
        self._arm("")

    def cut_up(self, n: int) -> None:
        self._arm("cut_up", n)

    def cut_down(self, n: int) -> None:
        self._arm("cut_down", n)

    def duplicate(self) -> None:
        self._arm("duplicate")

    def flip_put(self, k: int) -> None:
        self._arm("flip_put", k)

    def count(self) -> None:
        self._arm("")

    def close(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            self._listener.close()

    # ------------------------------------------------------------------ pumping
    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        server: socket.socket | None = None
        cbuf, sbuf = bytearray(), bytearray()
        try:
            while True:
                request = _read_message(client, cbuf)
                if request is None:
                    return
                request = self._upstream_fault(request)
                if request is None:
                    return  # connection dropped mid-request
                with self._lock:
                    self.requests += 1
                    dup = self.fault.kind == "duplicate"
                if dup:
                    extra = socket.create_connection(self.upstream)
                    try:
                        extra.sendall(request)
                        _read_message(extra, bytearray(), is_response=True)
                    finally:
                        extra.close()
                if server is None:
                    server = socket.create_connection(self.upstream)
                server.sendall(request)
                response = _read_message(server, sbuf, is_response=True)
                if response is None:
                    return
                if not self._downstream(client, response):
                    return
        except OSError:
            return
        finally:
            with contextlib.suppress(OSError):
                client.close()
            if server is not None:
                with contextlib.suppress(OSError):
                    server.close()

    def _upstream_fault(self, request: bytes) -> bytes | None:
        with self._lock:
            f = self.fault
            start = self.up_bytes
            self.up_bytes += len(request)
            if f.kind == "cut_up" and not self.fired and start + len(request) > f.n:
                self.fired = True
                partial = request[:max(0, f.n - start)]
                cut = True
            else:
                cut = False
            if f.kind == "flip_put" and not self.fired and request.startswith(b"PUT "):
                body_at = request.index(b"\r\n\r\n") + 4
                k = body_at + f.n
                if k < len(request):
                    self.fired = True
                    request = request[:k] + bytes([request[k] ^ 0xFF]) + request[k + 1:]
        if cut:
            if partial:
                # The server sees a request that never finishes; then the line goes dead.
                with contextlib.suppress(OSError):
                    s = socket.create_connection(self.upstream)
                    s.sendall(partial)
                    s.close()
            return None
        return request

    def _downstream(self, client: socket.socket, response: bytes) -> bool:
        with self._lock:
            f = self.fault
            start = self.down_bytes
            self.down_bytes += len(response)
            if f.kind == "cut_down" and not self.fired and start + len(response) > f.n:
                self.fired = True
                keep = response[:max(0, f.n - start)]
                cut = True
            else:
                cut = False
        if cut:
            with contextlib.suppress(OSError):
                client.sendall(keep)
            return False
        client.sendall(response)
        return True
