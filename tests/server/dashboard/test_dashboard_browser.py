"""The district dashboard in a real browser: Debian's headless chromium driven by
selenium (chromium-driver).  One server and one browser for the module; the
wrong-password test runs last, since the address it throttles is the browser's."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from mediator.server import stats
from mediator.server.db import ServerDB
from tests.server.dashboard.conftest import ACCOUNT, MARCH, PASSWORD, District

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1366,900")


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[WebDriver]:
    # Debian's chromium and chromium-driver (.ci/browser.sh installs them): required.
    assert Path(CHROMIUM).exists() and Path(DRIVER).exists(), \
        "install chromium and chromium-driver (apt-get; .ci/browser.sh)"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "safebrowsing.enabled": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _expected(d: District) -> stats.DistrictReport:
    db = ServerDB(f"sqlite:///{d.server.root / 'server.sqlite3'}")
    try:
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            return stats.district_report(conn, MARCH)
    finally:
        db.dispose()


def _cells(driver: WebDriver, table: str, row: int = 1) -> dict[str, str]:
    tr = driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr")[row - 1]
    return {td.get_attribute("data-figure") or "": td.text
            for td in tr.find_elements(By.CSS_SELECTOR, "td.num")}


def _log_in(driver: WebDriver, url: str, name: str, password: str) -> None:
    driver.find_element(By.ID, "name").clear()
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login").click()


def _error(driver: WebDriver) -> str:
    """The login page's message, once the answer to the POST has loaded."""
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "error"))
    return str(driver.find_element(By.ID, "error").text)


def test_without_a_login_the_dashboard_shows_the_login_page(
        district: District, browser: WebDriver) -> None:
    for path in ("/dashboard?period=2026-03", "/dashboard/export.xlsx?period=2026-03"):
        browser.get(district.server.url + path)
        assert "/dashboard/login" in browser.current_url
        assert browser.find_element(By.TAG_NAME, "h1").text == "区级账号登录"
        assert "受理" not in browser.page_source


def test_log_in_see_the_figures_drill_down_and_download(
        district: District, browser: WebDriver, downloads: Path) -> None:
    srv = district.server
    browser.get(srv.url + "/dashboard?period=2026-03")
    _log_in(browser, srv.url, ACCOUNT, PASSWORD)
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "totals"))
    assert "period=2026-03" in browser.current_url  # back where the login was asked for
    assert browser.find_element(By.ID, "period-label").text == "2026年3月"
    want = _expected(district)
    shown = _cells(browser, "totals")
    assert shown == {"accepted": str(want.totals["accepted"]), "closed": "6",
                     "succeeded": "4", "terminated": "2", "success_rate": "66.7%",
                     "amount": "16,400.00"}
    rows = {tr.find_element(By.TAG_NAME, "th").text: tr
            for tr in browser.find_elements(By.CSS_SELECTOR, "#studios tbody tr")}
    assert set(rows) == set(want.by_studio)
    # The charts were drawn by the Chart.js the server itself serves.
    WebDriverWait(browser, 20).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-charts") == "drawn")
    assert browser.execute_script(
        "return Array.from(document.scripts).every(s => !s.src || "
        "s.src.startsWith(location.origin))")
    # Drill down: the four cases that succeeded in March.
    browser.find_element(By.CSS_SELECTOR, "#totals td[data-figure=succeeded] a").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "cases"))
    numbers = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#cases td.case-no")]
    db = ServerDB(f"sqlite:///{srv.root / 'server.sqlite3'}")
    try:
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            behind = stats.drill_down(conn, MARCH, "succeeded")
    finally:
        db.dispose()
    assert sorted(numbers) == sorted(c.case_no for c in behind) and len(numbers) == 4
    assert "共 4 件" in browser.find_element(By.ID, "count").text
    page = browser.page_source
    assert "调解成功" in page
    for private in ("身份证", "电话", "住址"):
        assert private not in page
    # The period's workbook.
    browser.find_element(By.ID, "back").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "export"))
    browser.find_element(By.ID, "export").click()
    deadline = time.monotonic() + 30
    files: list[Path] = []
    while time.monotonic() < deadline:
        files = [p for p in downloads.iterdir() if p.suffix == ".xlsx"]
        if files:
            break
        time.sleep(0.2)
    assert len(files) == 1
    wb = load_workbook(files[0])
    assert [wb["汇总"].cell(6, c).value for c in range(2, 8)] == [8, 6, 4, 2, 66.7, 16400]
    # Logging out ends the session.
    browser.find_element(By.ID, "logout").click()
    WebDriverWait(browser, 20).until(lambda d: "/dashboard/login" in d.current_url)
    browser.get(srv.url + "/dashboard")
    assert "/dashboard/login" in browser.current_url


def test_wrong_password_is_refused_then_rate_limited(
        district: District, browser: WebDriver) -> None:
    srv = district.server
    for n in range(5):
        browser.get(srv.url + "/dashboard/login")
        _log_in(browser, srv.url, ACCOUNT, f"wrong {n}")
        assert _error(browser) == "账号或密码不正确。"
    browser.get(srv.url + "/dashboard/login")
    _log_in(browser, srv.url, ACCOUNT, PASSWORD)  # even the right one must wait now
    assert "秒后再试" in _error(browser)
    assert "/dashboard/login" in browser.current_url
    log = srv.log.read_text(encoding="utf-8", errors="replace")
    assert log.count("dashboard login failed") >= 6
    assert "wrong 0" not in log and PASSWORD not in log
