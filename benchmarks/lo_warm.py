"""A warm LibreOffice converting one .docx to PDF again and again (bench_documents' peer).

    /usr/bin/python3 benchmarks/lo_warm.py SOFFICE PROFILE DOCX OUTDIR RUNS

Why a script of its own: the UNO bridge (python3-uno) lives in Debian's system Python,
not in the project's venv, so bench_documents runs this file with /usr/bin/python3.
It starts one ``soffice --headless --accept=pipe,...`` listener (private profile),
connects once and keeps the connection — the most favourable way to drive a running
LibreOffice, as unoserver does minus its per-file client start — converts the file
twice to warm up, then RUNS times, and prints one JSON line: the wall seconds of each
conversion (load, export as PDF, close) and its CPU seconds (the office's processes and
this client).  Imports nothing from mediator.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of ``root`` and every process under it (soffice is a
    script that starts oosplash, which starts soffice.bin)."""
    ticks = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        cpu[pid] = (int(fields[11]) + int(fields[12])) / ticks
    total = 0.0
    for pid, seconds in cpu.items():
        p = pid
        while p > 1 and p != root:
            p = parent.get(p, 0)
        if p == root:
            total += seconds
    return total


def _props(**values: object) -> tuple[object, ...]:
    out = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


def main(argv: list[str]) -> int:
    exe, profile, docx, outdir, runs = argv[0], Path(argv[1]), Path(argv[2]), Path(argv[3]), \
        int(argv[4])
    pipe = f"mediator-bench-{uuid.uuid4().hex[:8]}"
    office = subprocess.Popen(
        [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
         "--nologo", "--norestore", "--nodefault",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 90
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    print(json.dumps({"error": "LibreOffice listener did not answer"}))
                    return 1
                time.sleep(0.1)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        src = docx.resolve().as_uri()
        dst = (outdir / "agreement-warm.pdf").resolve().as_uri()

        def convert() -> tuple[float, float]:
            c0 = _tree_cpu(office.pid) + time.process_time()
            t0 = time.perf_counter()
            doc = desktop.loadComponentFromURL(src, "_blank", 0, _props(Hidden=True))
            doc.storeToURL(dst, _props(FilterName="writer_pdf_Export"))
            doc.close(True)
            wall = time.perf_counter() - t0
            return wall, _tree_cpu(office.pid) + time.process_time() - c0

        convert()
        convert()
        done = [convert() for _ in range(runs)]
        print(json.dumps({"wall": [w for w, _ in done], "cpu": [c for _, c in done]}))
        with contextlib.suppress(Exception):  # the bridge drops as the office exits
            desktop.terminate()
        return 0
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    sys.exit(main(sys.argv[1:]))
