"""The OpenAPI document declares what the server really answers (issue 12, item 6):
every status code a hostile or careless client provokes is listed for its
operation with the ``{"error", "message"}`` body — the 422 too, which FastAPI
would document as ``{"detail": …}`` — and the bearer token is a security scheme."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from mediator.sync.protocol import PROTOCOL_HEADER
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess


def _operation(doc: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    return doc["paths"][path][method]  # type: ignore[no-any-return]


def test_every_answer_the_endpoints_give_is_declared(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a = make_pc("a")
    a.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    token = a.access_token()
    base = f"{sqlite_server.url}"
    doc = httpx.get(f"{base}/openapi.json", timeout=30).json()
    assert doc["components"]["schemas"]["ErrorBody"]["required"] == ["error", "message"]
    ok = {PROTOCOL_HEADER: "2", "Authorization": f"Bearer {token}"}
    sha = "0" * 64
    tried = [
        ("get", "/api/v1/digest", {}, {}, None),  # no protocol header: 400
        ("get", "/api/v1/digest", {PROTOCOL_HEADER: "1"}, {}, None),  # too old: 426
        ("get", "/api/v1/digest", {PROTOCOL_HEADER: "2", "Authorization": "Bearer x"}, {},
         None),  # 401
        ("get", "/api/v1/pull", ok, {"cursor": "minus one"}, None),  # 422
        ("post", "/api/v1/lease", ok, {}, {"prefix": "别的", "year": 2026}),  # 409
        ("post", "/api/v1/lease", ok, {}, {"prefix": ""}),  # 422
        ("get", "/api/v1/blobs/{sha}", ok, {}, None),  # 404
        ("get", "/api/v1/blobs/{sha}/status", {**ok}, {}, None),
        ("post", "/api/v1/conflicts/{conflict_id}/resolve", ok, {}, None),  # 404
    ]
    seen = set()
    for method, path, headers, params, body in tried:
        url = base + path.format(sha=sha, conflict_id="no-such-conflict")
        r = httpx.request(method.upper(), url, headers=headers, params=params, json=body,
                          timeout=30)
        declared = _operation(doc, method, path)["responses"]
        assert str(r.status_code) in declared, (method, path, r.status_code, r.text)
        seen.add(r.status_code)
        if r.status_code >= 400:
            assert set(r.json()) == {"error", "message"}, r.text
            schema = declared[str(r.status_code)]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}
    assert {400, 401, 404, 409, 422, 426} <= seen
    # A method the path does not have: 405 naming every method it has.
    r = httpx.request("OPTIONS", f"{base}/api/v1/blobs/{sha}", headers=ok, timeout=30)
    assert r.status_code == 405 and r.headers["allow"] == "GET, PUT"
    # true is not a number, nor 0 a flag; integers stay within what JSON holds exactly.
    for body in ({"prefix": "桂城", "year": True}, {"prefix": "桂城", "year": 2**53}):
        r = httpx.post(f"{base}/api/v1/lease", headers=ok, json=body, timeout=30)
        assert r.status_code == 422 and r.json()["error"] == "bad_request", r.text
    change = {"entity": "case", "id": "00000000-0000-0000-0000-000000000000",
              "base_version": 0, "deleted": 0, "data": {}}
    r = httpx.post(f"{base}/api/v1/push", headers=ok, timeout=30, json={
        "batch_id": "00000000-0000-0000-0000-000000000000", "changes": [change]})
    assert r.status_code == 422, r.text
    lease = _operation(doc, "post", "/api/v1/lease")["requestBody"]["content"][
        "application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    year = doc["components"]["schemas"][lease]["properties"]["year"]
    assert (year["minimum"], year["maximum"]) == (2000, 2200)
    # The bearer token is a security scheme, the protocol header is described, and a
    # blob's hash has its pattern.
    op = _operation(doc, "put", "/api/v1/blobs/{sha}")
    params = {p["name"]: p for p in op["parameters"]}
    assert op["security"] == [{"bearer": []}] and "authorization" not in params
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert PROTOCOL_HEADER in doc["info"]["description"]
    assert params["sha"]["schema"]["pattern"] == "^[0-9a-f]{64}$"
