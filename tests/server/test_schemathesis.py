"""Schemathesis over the district server's OpenAPI document, every check enabled
(issue 12, item 6): a real server process with an enrolled PC's token, the
coverage, fuzzing and stateful phases; the server's answers must match what the
document declares (status codes, bodies, headers), accept every request the
document calls valid and refuse every one it calls invalid.

``make test`` runs a reduced, deterministic count (MEDIATOR_FUZZ_EXAMPLES, default
10 a operation: some 700 test cases); ``make fuzz`` runs 100 a operation with
random data and asks for at least MEDIATOR_FUZZ_MIN_CASES (2,000) test cases."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from mediator.sync.protocol import MAX_PROTOCOL, PROTOCOL_HEADER
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess

ST = Path(sys.executable).parent / "st"


def test_schemathesis_finds_nothing_with_every_check(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc], tmp_path: Path) -> None:
    examples = int(os.environ.get("MEDIATOR_FUZZ_EXAMPLES", "10"))
    least = int(os.environ.get("MEDIATOR_FUZZ_MIN_CASES", "0"))
    a = make_pc("a")
    a.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    token = a.access_token()
    args = [str(ST), "run", f"{sqlite_server.url}/openapi.json", "--checks", "all",
            "-H", f"{PROTOCOL_HEADER}: {MAX_PROTOCOL}", "-H", f"Authorization: Bearer {token}",
            "-n", str(examples), "--report", "junit", "--report-dir", str(tmp_path)]
    if not least:  # the reduced run of make test: the same cases every time
        args += ["--generation-deterministic"]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"}
    run = subprocess.run(args, check=False, capture_output=True, text=True, timeout=1800,
                         env=env, cwd=tmp_path)
    tail = run.stdout[-6000:]
    assert run.returncode == 0, tail + run.stderr[-2000:]
    found = re.search(r"(\d+) generated, (\d+) passed", run.stdout)
    assert found is not None, tail
    generated = int(found[1])
    assert generated >= max(least, 1), tail
    print(f"schemathesis: {generated} test cases, every check passed")
