#!/usr/bin/env python3
"""Build the Debian packages from the PyInstaller bundle (``make deb``).

    python build/package/deb.py [--bundle dist/mediator] [--out dist] [--version V]

Two packages, no network, only dpkg-deb:

``mediator``          the bundle under /opt/mediator, ``mediator`` and
                      ``mediator-server`` on PATH (/usr/bin links), the desktop
                      entry 调解工作台 with its icon in every hicolor size.
``mediator-server``   the systemd unit of the district server, its settings file
                      (/etc/default/mediator-server), the system user
                      ``mediator-server`` and its data dir /var/lib/mediator-server.

Depends are measured, not guessed: ``ldd`` over every ELF file in the bundle
(with the bundle's own library folders first, as the frozen program loads them)
lists the system libraries it needs; ``dpkg -S`` names the package of each; the
highest ``GLIBC_x.y`` symbol version any binary asks for sets ``libc6 (>= x.y)``
and the highest ``GLIBCXX_3.4.n`` sets ``libstdc++6``.  A library ldd cannot
find on the build machine stops the build (the package would not start on a
studio PC either).  The figures are written to ``dist/deb-report.json`` for the
README and the benchmarks.

Neither package's scripts ever touch a user's data directory: removing or
purging ``mediator`` leaves ``~/.local/share/Mediator`` as it was, and purging
``mediator-server`` keeps /var/lib/mediator-server (the district's archive).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
PREFIX = "/opt/mediator"
MAINTAINER = "Mediator developers <mediator@localhost>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# GLIBCXX_3.4.n -> the first libstdc++6 (GCC) release that provides it.
GLIBCXX_TO_GCC = {19: "4.9", 20: "5", 21: "5", 22: "6", 23: "7", 24: "7", 25: "8", 26: "9",
                  27: "9", 28: "10", 29: "11", 30: "12", 31: "13", 32: "13.2", 33: "14"}
ELF_MAGIC = b"\x7fELF"


def version_of_app() -> str:
    text = (ROOT / "mediator" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not m:
        sys.exit("deb.py: mediator/__init__.py has no __version__")
    return m.group(1)


def run(cmd: list[str], **kw) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


# ------------------------------------------------------------------ measuring
def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                if fh.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def library_dirs(bundle: Path) -> list[str]:
    """Folders of the bundle holding shared libraries, searched before the system's."""
    dirs = {str(p.parent) for p in bundle.rglob("*.so*") if p.is_file()}
    return sorted(dirs)


def needed_sonames(elf: Path) -> list[str]:
    """The libraries ``elf`` links against directly (its DT_NEEDED entries)."""
    out = subprocess.run(["objdump", "-p", str(elf)], capture_output=True, text=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)", out, flags=re.M)


def system_libraries(bundle: Path, elves: list[Path]) -> tuple[dict[str, str], list[str]]:
    """{system path: needed by (one bundle file)} and the libraries not found.

    Only direct needs (DT_NEEDED) count: what those libraries need in turn is their
    own packages' business, declared in their Depends.  ``ldd`` resolves each name
    as the frozen program would, the bundle's folders first.
    """
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(library_dirs(bundle)))
    needed: dict[str, str] = {}
    missing: list[str] = []
    bundle_real = str(bundle.resolve())
    for elf in elves:
        direct = set(needed_sonames(elf))
        if not direct:
            continue
        proc = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        resolved: dict[str, str | None] = {}
        for line in proc.stdout.splitlines():
            line = line.strip()
            if "=> not found" in line:
                resolved[line.split()[0]] = None
                continue
            m = re.match(r"(\S+) => (/\S+) \(", line)
            if m:
                resolved[m.group(1)] = m.group(2)
        rel = str(elf.relative_to(bundle))
        for soname in sorted(direct):
            if soname.startswith("ld-linux") or soname == "linux-vdso.so.1":
                target: str | None = "/lib64/ld-linux-x86-64.so.2" \
                    if Path("/lib64/ld-linux-x86-64.so.2").exists() else None
                if target is None:
                    continue
            else:
                target = resolved.get(soname)
            if target is None:
                missing.append(f"{soname} (needed by {rel})")
                continue
            if os.path.realpath(target).startswith(bundle_real):
                continue
            needed.setdefault(target, rel)
    return needed, sorted(set(missing))


def package_of(path: str) -> str | None:
    """The Debian package owning ``path`` (merged /usr: try both spellings)."""
    candidates = [path, os.path.realpath(path)]
    for c in list(candidates):
        if c.startswith("/usr/lib/"):
            candidates.append(c[4:])
        elif c.startswith("/lib/"):
            candidates.append("/usr" + c)
    for c in candidates:
        proc = subprocess.run(["dpkg", "-S", c], capture_output=True, text=True)
        if proc.returncode == 0 and proc.stdout.strip():
            pkg = proc.stdout.split(":")[0].strip()
            return pkg.split(",")[0].strip()
    return None


def symbol_floor(elves: list[Path], prefix: str) -> tuple[int, ...]:
    """The highest ``prefix``x.y.z symbol version required by any ELF file."""
    best: tuple[int, ...] = ()
    pattern = re.compile(re.escape(prefix) + r"([0-9][0-9.]*)")
    for elf in elves:
        proc = subprocess.run(["objdump", "-T", str(elf)], capture_output=True, text=True)
        for line in proc.stdout.splitlines():
            if "*UND*" not in line:
                continue
            m = pattern.search(line)
            if m:
                ver = tuple(int(x) for x in m.group(1).strip(".").split("."))
                best = max(best, ver)
    return best


def measure(bundle: Path) -> dict:
    bundle = bundle.resolve()
    elves = elf_files(bundle)
    libs, missing = system_libraries(bundle, elves)
    if missing:
        sys.exit("deb.py: libraries the bundle needs are not installed here:\n  "
                 + "\n  ".join(missing))
    packages: dict[str, list[str]] = {}
    unowned = []
    for lib in sorted(libs):
        pkg = package_of(lib)
        if pkg is None:
            unowned.append(lib)
            continue
        packages.setdefault(pkg, []).append(Path(lib).name)
    if unowned:
        sys.exit("deb.py: no Debian package owns these libraries:\n  " + "\n  ".join(unowned))
    glibc = symbol_floor(elves, "GLIBC_")
    glibcxx = symbol_floor(elves, "GLIBCXX_")
    return {
        "elf_files": len(elves),
        "packages": {k: sorted(v) for k, v in sorted(packages.items())},
        "glibc": ".".join(map(str, glibc)),
        "glibcxx": ".".join(map(str, glibcxx)),
    }


def depends(measured: dict) -> str:
    parts = []
    for pkg in measured["packages"]:
        if pkg == "libc6":
            parts.append(f"libc6 (>= {measured['glibc']})")
        elif pkg == "libstdc++6" and measured["glibcxx"]:
            n = int(measured["glibcxx"].split(".")[2]) if measured["glibcxx"].count(".") >= 2 else 0
            gcc = GLIBCXX_TO_GCC.get(n)
            parts.append(f"libstdc++6 (>= {gcc})" if gcc else "libstdc++6")
        else:
            parts.append(pkg)
    if "libc6" not in measured["packages"]:
        parts.append(f"libc6 (>= {measured['glibc']})")
    return ", ".join(parts)


# ------------------------------------------------------------------ staging
def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def installed_size_kib(root: Path) -> int:
    total = 0
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.relative_to(root).parts:
            total += p.stat().st_size
    return (total + 1023) // 1024


def normalise_modes(root: Path) -> None:
    """Files 0644 (0755 when executable), folders 0755: no build-machine umask leaks."""
    for p in root.rglob("*"):
        if p.is_symlink():
            continue
        if p.is_dir():
            p.chmod(0o755)
        else:
            mode = p.stat().st_mode
            p.chmod(0o755 if mode & stat.S_IXUSR else 0o644)


def template(name: str, **values: str) -> str:
    text = (HERE / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("@" + key + "@", value)
    return text


def stage_desktop(bundle: Path, stage: Path, version: str, deps: str, arch: str) -> None:
    opt = stage / PREFIX.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    usr_bin = stage / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    for prog in ("mediator", "mediator-server"):
        (usr_bin / prog).symlink_to(f"{PREFIX}/{prog}")
    write(stage / "usr/share/applications/mediator.desktop", template("mediator.desktop"))
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        dest = stage / f"usr/share/icons/hicolor/{size}x{size}/apps/mediator.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(icons / f"mediator-{size}.png", dest)
    scalable = stage / "usr/share/icons/hicolor/scalable/apps/mediator.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / "mediator.svg", scalable)
    write(stage / "usr/share/doc/mediator/copyright", copyright_text())
    normalise_modes(stage)
    size = str(installed_size_kib(stage))
    control = template("control.mediator", VERSION=version, ARCH=arch, DEPENDS=deps,
                       SIZE=size, MAINTAINER=MAINTAINER)
    debian = stage / "DEBIAN"
    write(debian / "control", control)
    for script in ("preinst", "postinst", "postrm"):
        write(debian / script, template(f"mediator.{script}", PREFIX=PREFIX, SIZE=size), 0o755)


def stage_server(stage: Path, version: str, arch: str) -> None:
    server = ROOT / "build" / "server"
    write(stage / "lib/systemd/system/mediator-server.service",
          (server / "mediator-server.service").read_text(encoding="utf-8"))
    write(stage / "etc/default/mediator-server",
          (server / "mediator-server.default").read_text(encoding="utf-8"))
    pg = server / "postgresql.conf"
    if pg.exists():
        write(stage / "usr/share/doc/mediator-server/postgresql.conf",
              pg.read_text(encoding="utf-8"))
    write(stage / "usr/share/doc/mediator-server/copyright", copyright_text())
    normalise_modes(stage)
    control = template("control.server", VERSION=version, ARCH=arch,
                       SIZE=str(installed_size_kib(stage)), MAINTAINER=MAINTAINER)
    debian = stage / "DEBIAN"
    write(debian / "control", control)
    write(debian / "conffiles", "/etc/default/mediator-server\n")
    for script in ("postinst", "prerm", "postrm"):
        write(debian / script, template(f"server.{script}"), 0o755)


def copyright_text() -> str:
    fonts = ROOT / "resources" / "fonts"
    parts = ["Mediator (调解工作台)\nCopyright: the Mediator developers. Proprietary.\n",
             "Bundled fonts (see /opt/mediator/_internal/resources/fonts/README.md):\n"]
    for lic in sorted(fonts.glob("LICENSE*")):
        parts.append(f"\n----- {lic.name} -----\n{lic.read_text(encoding='utf-8')}")
    return "\n".join(parts)


def build(stage: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    # xz: every dpkg a studio may run (UOS, 麒麟, Debian 10+) reads it; zstd it may not.
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(stage), str(out)])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "mediator")
    ap.add_argument("--out", type=Path, default=ROOT / "dist")
    ap.add_argument("--version", default=os.environ.get("MEDIATOR_DEB_VERSION", ""),
                    help="package version (default: mediator.__version__)")
    args = ap.parse_args(argv)
    bundle = args.bundle.resolve()
    if not (bundle / "mediator").exists() and not (bundle / "mediator.exe").exists():
        sys.exit(f"deb.py: no bundle at {bundle}: run `make dist` first")
    version = args.version or version_of_app()
    arch = run(["dpkg", "--print-architecture"]).strip()
    measured = measure(bundle)
    deps = depends(measured)
    staging = args.out / "deb-staging"
    shutil.rmtree(staging, ignore_errors=True)
    desktop_stage, server_stage = staging / "mediator", staging / "mediator-server"
    stage_desktop(bundle, desktop_stage, version, deps, arch)
    stage_server(server_stage, version, arch)
    debs = [build(desktop_stage, args.out / f"mediator_{version}_{arch}.deb"),
            build(server_stage, args.out / f"mediator-server_{version}_{arch}.deb")]
    shutil.rmtree(staging, ignore_errors=True)
    bundle_bytes = sum(p.stat().st_size for p in bundle.rglob("*")
                       if p.is_file() and not p.is_symlink())
    report = dict(measured, version=version, depends=deps,
                  bundle_bytes=bundle_bytes,
                  debs={d.name: d.stat().st_size for d in debs})
    (args.out / "deb-report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2),
                                              encoding="utf-8")
    for d in debs:
        print(f"{d}  {d.stat().st_size / 1e6:.1f} MB")
    print(f"bundle {bundle_bytes / 1e6:.1f} MB unpacked; glibc floor {measured['glibc']}")
    print(f"Depends: {deps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
