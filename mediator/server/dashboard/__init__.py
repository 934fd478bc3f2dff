"""/dashboard: the district's read-only view, server-rendered (Jinja2) in Chinese.

District staff log in with a district account (:mod:`mediator.server.accounts`);
the session is a cookie (HttpOnly, SameSite=Strict, Secure when the server speaks
TLS) and every form that POSTs carries the session's CSRF token (the login form a
token of its own, double-submitted in a short-lived cookie).  Pages show counts
and case numbers, never a party's name, ID number, phone or address.  Chart.js
(npm, vendored in ``static/`` with its licence) is served from here: the pages
load nothing from the internet, and the Content-Security-Policy says so.

Device tokens open nothing here (403), and a session cookie is no bearer token for
the sync API (which reads only ``Authorization``).
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import secrets
import threading
import urllib.parse
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from mediator.domain.statistics import Period
from mediator.server import stats, stats_xlsx
from mediator.server.accounts import (
    NAME_MAX,
    PASSWORD_MAX,
    LoginThrottle,
    SessionInfo,
    close_session,
    open_session,
    record_login_failure,
    session_of,
    verify,
)
from mediator.server.db import ServerDB

log = logging.getLogger("mediator.server.dashboard")
HERE = Path(__file__).resolve().parent
COOKIE = "mediator_dashboard"
LOGIN_COOKIE = "mediator_dashboard_login"
PREFIX = "/dashboard"
_FORM_MAX = 4096
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class _Refused(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def _money(fen: int | float | None) -> str:
    return f"{(fen or 0) / 100:,.2f}"


def _rate(value: object) -> str:
    return "—" if value is None else f"{value}%"


def _month_label(key: str) -> str:
    return f"{key[:4]}年{int(key[5:7])}月" if len(key) >= 7 and key[5:7].isdigit() else key


def install(app: FastAPI, db: ServerDB, throttle: LoginThrottle | None = None) -> None:
    """Add the dashboard's routes and static files to ``app``."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters.update(money=_money, rate=_rate, month=_month_label,
                       type_label=stats_xlsx.type_label, status=stats.status_label,
                       outcome=lambda v: stats.OUTCOME_LABELS.get(v, v))
    env.globals.update(heading=stats_xlsx.heading, codes=stats.CODES,
                       drillable=stats.DRILLABLE, quote=urllib.parse.quote)
    throttle = throttle or LoginThrottle()
    reports = stats.ReportCache()
    # The rendered figures of a report (the same for every viewer): (report, html) by
    # (id of the report, the period as typed, the quick links of the day); the report
    # is kept in the value, so its id is not reused while the entry lives.
    bodies: dict[tuple[Any, ...], tuple[stats.DistrictReport, str]] = {}
    bodies_lock = threading.Lock()
    app.mount(f"{PREFIX}/static", StaticFiles(directory=str(HERE / "static")),
              name="dashboard-static")

    def client_of(request: Request) -> str:
        return request.client.host if request.client else ""

    def secure(request: Request) -> bool:
        return request.url.scheme == "https"

    def page(request: Request, template: str, status: int = 200, **context: Any) -> Response:
        response = templates.TemplateResponse(request, template, context, status_code=status)
        response.headers.update(_HEADERS)
        return response

    def who(request: Request) -> SessionInfo:
        """The session of the request, or a refusal: a device token is forbidden, no
        session goes to the login page."""
        info = None
        secret = request.cookies.get(COOKIE, "")
        if secret:
            with db.read() as s:
                info = session_of(s, secret)
        if info is not None:
            return info
        if request.headers.get("authorization"):
            raise _Refused(page(request, "refused.html", 403))
        return_to = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        target = f"{PREFIX}/login?next={urllib.parse.quote(return_to, safe='')}"
        raise _Refused(RedirectResponse(target, status_code=303, headers=_HEADERS))

    def period_of(request: Request) -> tuple[Period, str]:
        raw = request.query_params.get("period", "").strip()
        if not raw:
            today = dt.date.today()
            return Period.month(today.year, today.month), ""
        try:
            return stats.parse_period(raw[:60]), ""
        except stats.PeriodError as exc:
            today = dt.date.today()
            return Period.month(today.year, today.month), str(exc)

    async def form_of(request: Request) -> dict[str, str]:
        body = await request.body()
        if len(body) > _FORM_MAX:
            return {}
        try:
            pairs = urllib.parse.parse_qsl(body.decode("utf-8"), max_num_fields=10)
        except (UnicodeDecodeError, ValueError):
            return {}
        return {k: v for k, v in pairs}

    def safe_next(value: str) -> str:
        # Only a path of ours: never another site (an open redirect), never "//host".
        if value.startswith(PREFIX) and not value.startswith("//") and "\\" not in value:
            return value
        return PREFIX

    # ------------------------------------------------------------------ login
    def login_page(request: Request, status: int = 200, error: str = "",
                   name: str = "") -> Response:
        token = secrets.token_urlsafe(24)
        response = page(request, "login.html", status, error=error, name=name, token=token,
                        next=safe_next(request.query_params.get("next", "")))
        response.set_cookie(LOGIN_COOKIE, token, max_age=900, path=PREFIX, httponly=True,
                            samesite="strict", secure=secure(request))
        return response

    @app.get(f"{PREFIX}/login", include_in_schema=False)
    def login_form(request: Request) -> Response:
        return login_page(request)

    @app.post(f"{PREFIX}/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await form_of(request)
        expected = request.cookies.get(LOGIN_COOKIE, "")
        if not expected or not hmac.compare_digest(expected, form.get("csrf", "")):
            return login_page(request, 400, "登录页面已过期，请重新输入。")
        name = form.get("name", "").strip()[:NAME_MAX]
        password = form.get("password", "")[:PASSWORD_MAX + 1]
        client = client_of(request)
        wait = throttle.wait_for(name, client)
        if wait > 0:
            with db.write() as s:
                record_login_failure(s, name, client)
            return login_page(request, 429, f"密码错误次数过多，请 {int(wait) + 1} 秒后再试。",
                              name)
        from starlette.concurrency import run_in_threadpool  # noqa: PLC0415

        def check() -> str | None:
            with db.write() as s:
                if name and verify(s, name, password):
                    return open_session(s, name)
                record_login_failure(s, name, client)
                return None

        secret = await run_in_threadpool(check)  # argon2 takes tens of ms: not on the loop
        if secret is None:
            throttle.failed(name, client)
            return login_page(request, 401, "账号或密码不正确。", name)
        throttle.succeeded(name, client)
        log.info("dashboard login: account=%s client=%s",
                 name.encode("unicode_escape").decode("ascii"), client)
        response = RedirectResponse(safe_next(form.get("next", "")), status_code=303,
                                    headers=_HEADERS)
        response.set_cookie(COOKIE, secret, path=PREFIX, httponly=True, samesite="strict",
                            secure=secure(request))
        response.delete_cookie(LOGIN_COOKIE, path=PREFIX)
        return response

    @app.post(f"{PREFIX}/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        try:
            info = who(request)
        except _Refused as refused:
            return refused.response
        form = await form_of(request)
        if not hmac.compare_digest(info.csrf, form.get("csrf", "")):
            return page(request, "refused.html", 403, csrf=True)
        with db.write() as s:
            close_session(s, request.cookies.get(COOKIE, ""))
        response = RedirectResponse(f"{PREFIX}/login", status_code=303, headers=_HEADERS)
        response.delete_cookie(COOKIE, path=PREFIX)
        return response

    # ------------------------------------------------------------------ pages
    @app.get(PREFIX, include_in_schema=False)
    def overview(request: Request) -> Response:
        try:
            info = who(request)
        except _Refused as refused:
            return refused.response
        period, problem = period_of(request)
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            report = reports.report(conn, period)
        raw = request.query_params.get("period", "")[:60]
        shortcuts = _shortcuts()
        kept_key = (id(report), raw, tuple(shortcuts))
        with bodies_lock:
            kept = bodies.get(kept_key)
        if kept is None or kept[0] is not report:
            charts = {
                "types": {"labels": [stats_xlsx.type_label(k) for k in report.by_type],
                          "accepted": [c["accepted"] for c in report.by_type.values()]},
                "months": {"labels": [_month_label(k) for k in report.by_month],
                           "accepted": [c["accepted"] for c in report.by_month.values()],
                           "succeeded": [c["succeeded"] for c in report.by_month.values()]},
                "studios": {"labels": list(report.by_studio),
                            "rate": [c["success_rate"] for c in report.by_studio.values()]},
            }
            html = env.get_template("dashboard_body.html").render(
                report=report, key=stats.period_key(period), problem=problem, raw_period=raw,
                charts=json.dumps(charts, ensure_ascii=False).replace("<", "\\u003c"),
                shortcuts=shortcuts)
            kept = (report, html)
            with bodies_lock:
                if len(bodies) >= 64:
                    bodies.clear()
                bodies[kept_key] = kept
        return page(request, "dashboard.html", account=info.account, csrf=info.csrf,
                    body=kept[1])

    @app.get(f"{PREFIX}/cases", include_in_schema=False)
    def cases(request: Request) -> Response:
        try:
            info = who(request)
        except _Refused as refused:
            return refused.response
        period, problem = period_of(request)
        q = request.query_params
        figure = q.get("figure", "")
        if figure not in stats.DRILLABLE or problem:
            return page(request, "refused.html", 404, missing=True)
        studio_id = q.get("studio") or None
        dispute_type = q.get("type") or None
        month = q.get("month") or None
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            lines = stats.drill_down(conn, period, figure, studio_id=studio_id,
                                     dispute_type=dispute_type, month=month)
            names = stats.studios(conn)
        where = [f"工作室：{names.get(studio_id, '?')}" if studio_id else "",
                 f"纠纷类型：{stats_xlsx.type_label(dispute_type)}" if dispute_type else "",
                 f"月份：{_month_label(month)}" if month else ""]
        return page(request, "cases.html", account=info.account, csrf=info.csrf,
                    period=period, key=stats.period_key(period), figure=figure,
                    where=[w for w in where if w], lines=lines, limit=stats.DRILL_LIMIT)

    @app.get(f"{PREFIX}/export.xlsx", include_in_schema=False)
    def export(request: Request) -> Response:
        try:
            who(request)
        except _Refused as refused:
            return refused.response
        period, problem = period_of(request)
        if problem:
            return page(request, "refused.html", 404, missing=True)
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            report = reports.report(conn, period)
        data = stats_xlsx.to_bytes(report, "全区")
        filename = f"全区调解统计-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
        return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                                          "spreadsheetml.sheet",
                        headers={**_HEADERS, "Content-Disposition":
                                 "attachment; filename=\"district-stats.xlsx\"; "
                                 f"filename*=UTF-8''{urllib.parse.quote(filename)}"})


def _shortcuts() -> list[tuple[str, str]]:
    today = dt.date.today()
    last = today.replace(day=1) - dt.timedelta(days=1)
    quarter = (today.month - 1) // 3 + 1
    return [("本月", f"{today:%Y-%m}"), ("上月", f"{last:%Y-%m}"),
            ("本季度", f"{today.year}-Q{quarter}"), ("本年", f"{today.year}")]
