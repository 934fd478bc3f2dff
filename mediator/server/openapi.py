"""The OpenAPI document declares what the endpoints really answer.

FastAPI documents a 200 and a 422 shaped ``{"detail": …}``; the server also
answers 400 (no protocol header, a bad hash), 401, 404, 409, 411, 413, 426, 429
and 500, all with the body ``{"error", "message"}`` — its 422 too.  Generated
clients and conformance checkers (schemathesis) read this document, so each
operation gets the codes it can return with that body, the pattern of a blob's
SHA-256 in its path, and the bearer token as a security scheme (not as a header
parameter: a client may send any other header too).  The protocol header every
``/api/`` request carries is named in the description.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from mediator.sync.protocol import JSON_SAFE_INT, MAX_BLOB_BYTES

ERROR_SCHEMA = {
    "type": "object", "required": ["error", "message"], "additionalProperties": False,
    "properties": {"error": {"type": "string", "description": "machine-readable code"},
                   "message": {"type": "string", "description": "one line for the user (中文)"}},
}
DESCRIPTIONS = {
    400: "Bad request: protocol header missing or newer than the server, bad hash, too long",
    401: "Not authenticated: token invalid, expired or revoked; wrong enrolment code",
    404: "No such studio, conflict or blob",
    409: "Conflicts with the server's state (case-number prefix, blob size or offset)",
    411: "Content-Length missing",
    413: "Request or blob too large",
    422: "The request does not match the schema",
    426: "Client protocol too old: upgrade the app",
    429: "Rate limited",
    500: "Server error",
}
SHA_PATTERN = "^[0-9a-f]{64}$"


def _codes(method: str, path: str) -> set[int]:
    if not path.startswith("/api/"):
        return {500}
    codes = {400, 401, 422, 426, 500}
    if method in ("post", "put"):
        codes |= {411, 413}
    if path.endswith(("/enrol", "/token")):
        codes.add(429)
    if path.endswith(("/digest", "/lease", "/resolve", "/push", "/pull")) or "/blobs/" in path:
        codes.add(404)
    if path.endswith("/lease") or "/blobs/" in path:
        codes.add(409)
    return codes


def _error_response(code: int) -> dict[str, Any]:
    return {"description": DESCRIPTIONS[code], "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/ErrorBody"}}}}


def document(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document with every error answer declared (built once)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["ErrorBody"] = ERROR_SCHEMA
    components["securitySchemes"] = {"bearer": {
        "type": "http", "scheme": "bearer",
        "description": "access token from /enrol or /token"}}
    for path, operations in schema.get("paths", {}).items():
        for method, op in operations.items():
            responses = op.setdefault("responses", {})
            for code in sorted(_codes(method, path)):
                responses[str(code)] = _error_response(code)
            params = op.setdefault("parameters", [])
            if any(p.get("in") == "header" and p.get("name", "").lower() == "authorization"
                   for p in params):
                params[:] = [p for p in params if p.get("name", "").lower() != "authorization"]
                op["security"] = [{"bearer": []}]
            for p in params:
                if p.get("name") == "sha" and p.get("in") == "path":
                    p["schema"] = {**p.get("schema", {}), "pattern": SHA_PATTERN}
                if "/blobs/" in path and p.get("name") == "size":
                    p["schema"] = {**p.get("schema", {}), "maximum": MAX_BLOB_BYTES}
            if not params:
                del op["parameters"]
    _integer_bounds(schema)
    app.openapi_schema = schema
    return schema


def _integer_bounds(node: Any) -> None:
    """Every integer within what any JSON reader holds exactly, as the server checks
    (protocol._Model, app.MAX_POSITION): an int64 bound read as a double would let a
    client send a number just past it believing it within."""
    if isinstance(node, dict):
        if node.get("type") == "integer":
            # FastAPI writes bounds as floats (2200.0; 2**63 - 1 rounded up): exact ints.
            top, bottom = node.get("maximum"), node.get("minimum")
            node["maximum"] = (min(int(top), JSON_SAFE_INT)
                               if isinstance(top, int | float) else JSON_SAFE_INT)
            node["minimum"] = (max(int(bottom), -JSON_SAFE_INT)
                               if isinstance(bottom, int | float) else -JSON_SAFE_INT)
        for value in node.values():
            _integer_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _integer_bounds(value)


def allowed_methods(app: FastAPI, path: str) -> str:
    """The ``Allow`` header of a 405: the methods of every route of ``path``."""
    methods: set[str] = set()
    for route in app.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))

