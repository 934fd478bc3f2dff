#!/usr/bin/env python3
"""The frozen smoke test: install the .deb and use the installed program as a studio would.

    sudo python3 build/package/smoke.py [--dist dist]      # `make package-check`

Needs root (apt-get install/remove) and Debian's poppler-utils and xvfb.  Every
step runs the *installed* program (/usr/bin/mediator -> /opt/mediator), never the
source tree, as an ordinary user with a fresh home, so the data dir comes from
platformdirs exactly as on a studio PC:

 1. install both packages with apt (their Depends come from Debian's archive);
 2. the launcher, the desktop entry and the icons are where a desktop looks;
 3. ``mediator --version``; ``mediator setup`` on a data dir made from nothing;
    ``demo``; ``cases --json``;
 4. ``export`` a case with a signed agreement: every PDF has only embedded fonts
    (pdffonts), Chinese text (pdftotext); pdfsig accepts the signature and
    ``mediator verify`` exits 0;
 5. the GUI starts to its painted case list (``--smoke``) offscreen and on a real
    X server (Xvfb, the xcb plugin and the system libraries the .deb depends on),
    and draws a QtCharts bar chart (the statistics page's library and the OpenGL
    libraries it links are in the bundle);
 6. every committed fixture database opens with the installed program: backed up
    first, migrated, reported; a database from a newer version is refused and left
    byte for byte as it was;
 7. ``mediator-server serve`` answers on loopback as the package's system user;
    the studio PC enrols and syncs with it;
 8. a newer package cannot replace a running program (refused, old one intact),
    installs once it is closed, and the cases are all still there;
 9. removing the packages removes the program and leaves the user's data dir
    exactly as it was.

Prints one line per check; exits 1 on the first failure, with what was expected.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
USER = "mediator-smoke"
FIXTURES = ROOT / "tests" / "fixtures" / "db"
PROGRAM = "/opt/mediator/mediator"


class SmokeFailure(Exception):
    """A check of the installed program failed; the message says what was expected."""


def step(text: str) -> None:
    print(f"smoke: {text}", flush=True)


PASSED: list[str] = []


def check(cond: bool, what: str, detail: str = "") -> None:
    if not cond:
        raise SmokeFailure(f"{what}{': ' + detail if detail else ''}")
    PASSED.append(what)
    step(f"ok   {what}")


def sh(cmd: list[str], *, user: bool = False, env: dict[str, str] | None = None,
       check_rc: bool = True, timeout: float = 300, cwd: str | None = None
       ) -> subprocess.CompletedProcess[str]:
    full = cmd
    if user:
        full = ["runuser", "-u", USER, "--", "env", *[f"{k}={v}" for k, v in user_env(env).items()],
                *cmd]
    proc = subprocess.run(full, capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env=None if user else env)
    if check_rc and proc.returncode != 0:
        raise SmokeFailure(f"{' '.join(cmd)} exited {proc.returncode}\n"
                           f"stdout: {proc.stdout[-2000:]}\nstderr: {proc.stderr[-2000:]}")
    return proc


def home() -> Path:
    return Path(pwd.getpwnam(USER).pw_dir)


def user_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {"HOME": str(home()), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "MEDIATOR_NO_DIALOGS": "1"}
    env.update(extra or {})
    return env


def apt(*args: str, check_rc: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return sh(["apt-get", "-y", "-q", "--no-install-recommends", *args], env=env,
              check_rc=check_rc, timeout=900)


def installed_version(pkg: str) -> str | None:
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}", pkg],
                          capture_output=True, text=True)
    parts = proc.stdout.split()
    return parts[-1] if proc.returncode == 0 and "installed" in parts[:3] else None


def tree_digest(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---------------------------------------------------------------------- steps
def install(debs: list[Path]) -> None:
    # A machine left half-way by an interrupted earlier run: finish or undo that first.
    subprocess.run(["dpkg", "--configure", "-a"], capture_output=True)
    for pkg in ("mediator-server", "mediator"):
        state = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}", pkg],
                               capture_output=True, text=True).stdout.strip()
        if installed_version(pkg):
            apt("remove", pkg)
        elif state[:2] not in ("", "un", "rc"):
            sh(["dpkg", "--remove", "--force-depends", pkg])
    apt("install", *[str(d.resolve()) for d in debs])  # a path, not a package name
    check(installed_version("mediator") is not None, "apt installed mediator")
    check(installed_version("mediator-server") is not None, "apt installed mediator-server")


def layout() -> None:
    check(shutil.which("mediator") == "/usr/bin/mediator", "mediator launcher on PATH")
    check(os.path.realpath("/usr/bin/mediator") == PROGRAM, "launcher points into /opt/mediator")
    desktop = Path("/usr/share/applications/mediator.desktop").read_text(encoding="utf-8")
    check("Name=调解工作台" in desktop and "Icon=mediator" in desktop,
          "desktop entry with the Chinese name and the icon")
    if shutil.which("desktop-file-validate"):
        sh(["desktop-file-validate", "/usr/share/applications/mediator.desktop"])
        step("ok   desktop-file-validate")
    for size in (16, 256):
        check(Path(f"/usr/share/icons/hicolor/{size}x{size}/apps/mediator.png").exists(),
              f"icon at {size} px")
    unit = Path("/lib/systemd/system/mediator-server.service")
    check(unit.exists(), "systemd unit installed")
    if shutil.which("systemd-analyze"):
        proc = sh(["systemd-analyze", "verify", str(unit)], check_rc=False)
        bad = [ln for ln in (proc.stderr + proc.stdout).splitlines()
               if "mediator-server.service" in ln and "not found" not in ln.lower()]
        check(not bad, "systemd-analyze verify finds nothing wrong in the unit", "\n".join(bad))
    check(pwd.getpwnam("mediator-server").pw_shell.endswith("nologin"),
          "dedicated system user mediator-server")
    st = os.stat("/var/lib/mediator-server")
    check(st.st_mode & 0o007 == 0 and pwd.getpwuid(st.st_uid).pw_name == "mediator-server",
          "server data dir /var/lib/mediator-server owned by it, closed to others")


def first_use(version: str) -> tuple[str, int]:
    out = sh(["mediator", "--version"], user=True).stdout
    check(version in out, "mediator --version", out.strip())
    data = home() / ".local" / "share" / "Mediator"
    check(not data.exists(), "no data dir before the first run")
    # A one-person studio: the mediator is its head (approves and seals).
    sh(["mediator", "setup", "--committee", "佛山市南海区桂城街道人民调解委员会", "--prefix", "桂城",
        "--mediator", "陈调解"], user=True)
    check((data / "mediator.sqlite3").exists(), "setup created the data dir from nothing",
          str(data))
    again = sh(["mediator", "setup", "--committee", "别的委员会", "--prefix", "别处",
                "--mediator", "王调解"], user=True, check_rc=False)
    check(again.returncode != 0 and again.stderr.strip() != "",
          "setup refuses to overwrite an existing studio", again.stderr.strip())
    demo = sh(["mediator", "demo", "--cases", "30", "--seed", "7"], user=True, timeout=600)
    numbers = re.findall(r"（\d{4}）[^、\s，]*?第\d+号", demo.stdout)
    check(bool(numbers), "demo made cases with signed agreements", demo.stdout.strip())
    cases = json.loads(sh(["mediator", "cases", "--json"], user=True).stdout)
    check(len(cases) >= 30, f"cases --json lists the {len(cases)} cases")
    return numbers[0], len(cases)


def export_and_verify(case_no: str) -> None:
    out = home() / "export"
    sh(["mediator", "export", case_no, "--out", str(out)], user=True, timeout=300)
    pdfs = sorted(out.rglob("*.pdf"))
    check(len(pdfs) >= 3, f"export wrote {len(pdfs)} PDFs")
    for pdf in pdfs:
        fonts = sh(["pdffonts", str(pdf)]).stdout.splitlines()[2:]
        not_embedded = [ln for ln in fonts if ln.split()[-5:-4] != ["yes"]]
        if not_embedded:
            raise SmokeFailure(f"{pdf.name}: fonts not embedded:\n" + "\n".join(not_embedded))
        text = sh(["pdftotext", "-q", str(pdf), "-"]).stdout
        if not re.search(r"[\u4e00-\u9fff]", text):
            raise SmokeFailure(f"{pdf.name}: no Chinese text extracted")
    step(f"ok   every exported PDF embeds its fonts and carries Chinese text ({len(pdfs)})")
    signed = [p for p in pdfs if "Signature #" in sh(["pdfsig", str(p)], check_rc=False).stdout]
    check(bool(signed), "a signed agreement among the exported PDFs")
    sig = sh(["pdfsig", str(signed[0])], check_rc=False).stdout
    check("Signature is Valid" in sig, "pdfsig: the signature is valid", sig[-600:])
    ver = sh(["mediator", "verify", str(signed[0])], user=True, check_rc=False)
    check(ver.returncode == 0, "mediator verify exits 0", ver.stdout + ver.stderr)


def gui() -> None:
    off = sh(["mediator", "--smoke"], user=True, timeout=120)
    check("case list painted" in off.stdout, "GUI offscreen: case list painted", off.stdout.strip())
    check("chart rendered" in off.stdout, "GUI offscreen: a QtCharts chart rendered",
          off.stdout.strip())
    xvfb = sh(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "mediator", "--smoke"],
              user=True, env={"QT_QPA_PLATFORM": "xcb"}, timeout=180)
    check("case list painted" in xvfb.stdout, "GUI on X11 (Xvfb, xcb): case list painted",
          xvfb.stdout.strip())
    check("chart rendered" in xvfb.stdout, "GUI on X11 (Xvfb, xcb): a QtCharts chart rendered",
          xvfb.stdout.strip())


def fixtures() -> None:
    base = home() / "fixtures"
    fixtures = sorted(FIXTURES.glob("schema-*.sqlite3"))
    check(bool(fixtures), f"{len(fixtures)} committed fixture databases")
    versions = ROOT / "mediator" / "store" / "migrations" / "versions"
    head = max(int(p.name[:4]) for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    for fx in fixtures:
        older = int(fx.stem.split("-")[1]) < head
        d = base / fx.stem
        d.mkdir(parents=True)
        shutil.copy2(fx, d / "mediator.sqlite3")
        sh(["chown", "-R", f"{USER}:{USER}", str(base)])
        proc = sh(["mediator", "--data-dir", str(d), "cases"], user=True, check_rc=False)
        backups = list((d / "backups").glob("*.sqlite3")) if (d / "backups").exists() else []
        check(proc.returncode == 0 and (bool(backups) or not older),
              f"{fx.name} opens with the installed program"
              + (", backed up before the upgrade" if older else " (current schema)"),
              proc.stderr.strip())
    # A database from a newer Mediator: refused, untouched.
    newer = base / "newer"
    newer.mkdir()
    shutil.copy2(fixtures[-1], newer / "mediator.sqlite3")
    with sqlite3.connect(newer / "mediator.sqlite3") as db:
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_major', '99')")
    sh(["chown", "-R", f"{USER}:{USER}", str(newer)])
    before = hashlib.sha256((newer / "mediator.sqlite3").read_bytes()).hexdigest()
    proc = sh(["mediator", "--data-dir", str(newer), "cases"], user=True, check_rc=False)
    after = hashlib.sha256((newer / "mediator.sqlite3").read_bytes()).hexdigest()
    check(proc.returncode != 0 and "更新版本" in proc.stderr and before == after,
          "a newer version's database is refused and left unchanged", proc.stderr.strip())


def server_and_sync() -> None:
    port = free_port()
    data = "/var/lib/mediator-server"
    code = sh(["runuser", "-u", "mediator-server", "--", "mediator-server", "--data-dir", data,
               "studio", "add", f"桂城街道调解工作室{os.getpid()}"]).stdout.strip().splitlines()[-1].strip()
    server = subprocess.Popen(
        ["runuser", "-u", "mediator-server", "--", "mediator-server", "--data-dir", data,
         "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        answer = ""
        while time.monotonic() < deadline and not answer:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    answer = r.read().decode()
            except OSError:
                time.sleep(0.3)
        check(bool(answer), f"mediator-server serve answers on 127.0.0.1:{port}", answer)
        # The frozen server hashes a district account's password (argon2) and renders
        # the dashboard (Jinja2 templates, the vendored Chart.js) from the bundle.
        added = subprocess.run(
            ["runuser", "-u", "mediator-server", "--", "mediator-server", "--data-dir", data,
             "admin", "add", f"区司法局{os.getpid()}", "--password-stdin"],
            input="smoke password 1\n", capture_output=True, text=True, timeout=120)
        pages = []
        for path in ("/dashboard/login", "/dashboard/static/chart.umd.min.js"):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                    pages.append(r.read().decode("utf-8", "replace"))
            except OSError as exc:
                pages.append(str(exc))
        check(added.returncode == 0 and "区级账号登录" in pages[0] and "Chart.js" in pages[1],
              "the installed server adds a district account and serves /dashboard",
              (added.stderr or pages[0])[-300:])
        sh(["mediator", "enrol", f"http://127.0.0.1:{port}", code], user=True, timeout=120)
        sync = sh(["mediator", "sync"], user=True, timeout=300)
        check(sync.returncode == 0, "the installed app enrols and syncs with the installed server",
              sync.stdout.strip().splitlines()[-1] if sync.stdout.strip() else "")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def newer_package(deb: Path, version: str, work: Path) -> Path:
    """The same package under a higher version (what a studio's next update is)."""
    tree = work / "newer"
    work.mkdir(parents=True, exist_ok=True)
    sh(["dpkg-deb", "-R", str(deb), str(tree)])
    control = tree / "DEBIAN" / "control"
    text = control.read_text(encoding="utf-8")
    old = re.search(r"^Version: (.*)$", text, flags=re.M)
    assert old is not None
    text = text.replace(f"(= {old.group(1)})", f"(= {version})")  # the server pins the app
    control.write_text(re.sub(r"^Version: .*$", f"Version: {version}", text, flags=re.M),
                       encoding="utf-8")
    out = work / f"mediator_{version}.deb"
    sh(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build", str(tree), str(out)])
    return out


def upgrade(deb: Path, server_deb: Path, cases_before: int, work: Path) -> Path:
    old = installed_version("mediator")
    assert old is not None
    newer = newer_package(deb, old + "+smoke1", work)
    # A running app: the upgrade must be refused and the installed version keep working.
    app = subprocess.Popen(
        ["runuser", "-u", USER, "--", "env", *[f"{k}={v}" for k, v in user_env().items()],
         "mediator"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            running = [p for p in Path("/proc").glob("[0-9]*")
                       if _exe(p) == PROGRAM]
            if running:
                break
            time.sleep(0.2)
        time.sleep(2)
        refused = sh(["dpkg", "-i", str(newer)], check_rc=False)
        check(refused.returncode != 0 and "正在运行" in refused.stderr,
              "installing over a running instance is refused", refused.stderr.strip()[-300:])
        check(installed_version("mediator") == old, "the installed version is unchanged")
        check(sh(["mediator", "--version"], user=True).returncode == 0,
              "the installed program still runs")
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=30)
    # mediator-server pins mediator (= version): upgrade both, as apt would.
    server_newer = newer_package(server_deb, old + "+smoke1", work / "s")
    sh(["dpkg", "-i", str(newer), str(server_newer)])
    check(installed_version("mediator") == old + "+smoke1", "the newer version installed")
    cases = json.loads(sh(["mediator", "cases", "--json"], user=True).stdout)
    check(len(cases) == cases_before, f"all {cases_before} cases are still there after the upgrade")
    return newer


def full_disk(deb: Path, newer: Path) -> None:
    """/opt/mediator on a disk with room for one copy only: the update is refused
    before anything is unpacked, and the installed version keeps working."""
    opt = Path("/opt/mediator")
    opt.mkdir(parents=True, exist_ok=True)
    size_kib = int(sh(["dpkg-deb", "-f", str(deb), "Installed-Size"]).stdout.strip())
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib + 60 * 1024}k",
                              "tmpfs", str(opt)], capture_output=True, text=True)
    if mounted.returncode != 0:
        step(f"skip full-disk check: cannot mount a small disk here ({mounted.stderr.strip()})")
        return
    try:
        sh(["dpkg", "-i", str(deb)])
        refused = sh(["dpkg", "-i", str(newer)], check_rc=False)
        check(refused.returncode != 0 and "磁盘空间不足" in refused.stderr,
              "an update that does not fit on the disk is refused",
              refused.stderr.strip()[-300:])
        out = sh(["mediator", "--version"], user=True).stdout
        check(installed_version("mediator") is not None and "mediator" in out,
              "and the installed version keeps working")
        sh(["dpkg", "-r", "mediator"])
    finally:
        subprocess.run(["umount", str(opt)], capture_output=True)


def _exe(proc_dir: Path) -> str:
    try:
        return os.readlink(proc_dir / "exe")
    except OSError:
        return ""


def remove() -> None:
    data = home() / ".local" / "share" / "Mediator"
    before = tree_digest(data)
    apt("remove", "mediator-server", "mediator")
    check(not Path(PROGRAM).exists() and shutil.which("mediator") is None,
          "removing the packages removes the program")
    check(not Path("/usr/share/applications/mediator.desktop").exists(), "and its menu entry")
    check(tree_digest(data) == before and bool(before),
          f"the user's data dir is untouched ({len(before)} files)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="frozen smoke test of the installed .deb")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist")
    ap.add_argument("--keep", action="store_true", help="leave the packages installed")
    args = ap.parse_args(argv)
    if os.geteuid() != 0:
        print("smoke: needs root (apt-get install/remove)", file=sys.stderr)
        return 2
    report = json.loads((args.dist / "deb-report.json").read_text(encoding="utf-8"))
    version = report["version"]
    deb = args.dist / next(n for n in report["debs"] if n.startswith("mediator_"))
    server_deb = args.dist / next(n for n in report["debs"] if n.startswith("mediator-server_"))
    work = Path(tempfile.mkdtemp(prefix="mediator-smoke-"))
    work.chmod(0o755)  # the test user's home lies inside
    subprocess.run(["userdel", "-r", USER], capture_output=True)
    sh(["useradd", "--create-home", "--home-dir", str(work / "home"), "--shell", "/bin/sh", USER])
    t0 = time.monotonic()
    try:
        install([deb, server_deb])
        layout()
        case_no, count = first_use(version)
        export_and_verify(case_no)
        gui()
        fixtures()
        server_and_sync()
        count = len(json.loads(sh(["mediator", "cases", "--json"], user=True).stdout))
        newer = upgrade(deb, server_deb, count, work)
        if not args.keep:
            remove()
            full_disk(deb, newer)
    except (SmokeFailure, subprocess.TimeoutExpired) as exc:
        print(f"smoke: FAILED {exc}", file=sys.stderr)
        print(f"smoke: {len(PASSED)} passed, 1 failed")
        return 1
    finally:
        if not args.keep:
            subprocess.run(["userdel", "-r", USER], capture_output=True)
            shutil.rmtree(work, ignore_errors=True)
    print(f"smoke: all checks passed in {time.monotonic() - t0:.0f} s "
          f"(bundle {report['bundle_bytes'] / 1e6:.0f} MB, "
          f"{', '.join(f'{k} {v / 1e6:.0f} MB' for k, v in report['debs'].items())}, "
          f"glibc >= {report['glibc']})")
    print(f"smoke: {len(PASSED)} passed, 0 failed")  # the closing line CI reads
    return 0


if __name__ == "__main__":
    sys.exit(main())
