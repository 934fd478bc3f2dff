# Mediator (调解工作台) — developer entry points.
#   make run    create .venv, install the pinned dependencies, open the desktop app
#   make test   the same venv plus dev tools; ruff, mypy, then the whole suite offscreen
#   make bench  the benchmarks (figures next to same-run baselines; fails on a missed target)
#   make bench-peers  install LibreOffice (root), then the documents benchmark with its peers
#   make server a district server on 127.0.0.1:8765 (embedded SQLite)
#   make dist   the one-folder PyInstaller bundle (dist/mediator/), from mediator.spec
#   make deb    the Debian packages mediator_*.deb and mediator-server_*.deb (dist/)
#   make package-check  install the .debs and run the installed program (root; CI)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
# Shared libraries Qt's xcb/offscreen platforms and fonts need (Debian package names).
QT_SYSLIBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
              libglib2.0-0 xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
              libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
# Independent PDF tools the document tests check our output with.
TEST_SYSTOOLS := poppler-utils

# What building and checking the packages needs besides the Qt libraries: dpkg-deb,
# objdump (binutils) and ldd measure the Depends; the smoke test drives the installed
# program under Xvfb and checks its PDFs with poppler; libcups2 is what the bundled
# print plugin links against (deb.py resolves every library it declares).
PACKAGE_SYSTOOLS := binutils dpkg-dev file poppler-utils xvfb xauth desktop-file-utils libcups2

.PHONY: run test lint typecheck pytest fuzz bench bench-peers server syslibs clean translations screens dist deb package-check

$(VENV)/.runtime: requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "需要 Python 3.11 或更新版本 / Python >= 3.11 is required"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q -r requirements.lock
	$(PIP) install -q --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(PIP) install -q -r requirements-dev.lock
	touch $@

# Qt needs a few system libraries; install them when we are root, otherwise say how.
syslibs:
	@missing=""; for p in $(QT_SYSLIBS) $(EXTRA_SYSLIBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing system libraries:$$missing"; \
	    (apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 || \
	     (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing)) ; \
	  else \
	    echo "缺少系统库 / missing system libraries. Run:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	  fi; \
	fi

run: syslibs $(VENV)/.runtime
	$(VENV)/bin/mediator

# TEST_WORKERS pytest-xdist workers (tests/conftest.py says what keeps them apart; a
# module's tests stay on one worker, so its module fixtures are built once).  Serial by
# default for now: two of four whole-suite runs on 2 workers ended in a segmentation
# fault inside PySide6 (a style override drawing on the GUI thread while the task
# worker ran), never seen in serial runs; `make test TEST_WORKERS=2` halves the time.
TEST_WORKERS ?= 0
test: EXTRA_SYSLIBS = $(TEST_SYSTOOLS)
test: syslibs $(VENV)/.dev
	$(VENV)/bin/ruff check mediator tests benchmarks
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not screens" -n $(TEST_WORKERS) \
	  --dist loadfile --durations=25 $(PYTEST_ARGS)

# The screenshot walk (issue 11): every page and dialog at 特大, both languages, at
# 1366x768 and 1920x1080@150 %; PNGs in build/artefacts/screens.  About 1.5 min, so
# .ci/run runs it beside make test rather than inside make test's 6-minute budget.
screens: EXTRA_SYSLIBS = $(TEST_SYSTOOLS)
screens: syslibs $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m screens $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check mediator tests benchmarks

typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy

pytest: $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

# Schemathesis over the server's OpenAPI, every check, random data, >= 2,000 test
# cases (make test runs a reduced deterministic count of the same test).
fuzz: $(VENV)/.dev
	MEDIATOR_FUZZ_EXAMPLES=100 MEDIATOR_FUZZ_MIN_CASES=2000 QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q -s tests/server/test_schemathesis.py

# Every benchmark, then ONE table of all figures (value, same-run baseline, ratio, target,
# verdict); fails if any figure misses its target.  PostgreSQL (.ci/pg.sh, root) for the
# server figures; BENCH="bench_search bench_sync" runs just those.
bench: syslibs $(VENV)/.dev
	@if [ -x .ci/pg.sh ]; then eval "$$(timeout 900 .ci/pg.sh </dev/null)" || true; fi; \
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py $(BENCH)

# The LibreOffice peers of the agreement PDF: LibreOffice Writer and its UNO bridge from
# the Debian packages (as root), then bench_documents (fresh soffice and a warm one).
bench-peers: EXTRA_SYSLIBS += libreoffice-writer-nogui python3-uno
bench-peers: syslibs $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py bench_documents

server: $(VENV)/.runtime
	$(VENV)/bin/mediator-server serve --host 127.0.0.1 --port 8765

# binutils: PyInstaller's objdump, and the spec strips the bundle's libraries.
dist: EXTRA_SYSLIBS += binutils
dist: syslibs $(VENV)/.dev
	rm -rf dist/mediator
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
	  --workpath build/pyinstaller-work mediator.spec
	@du -sh dist/mediator

deb: EXTRA_SYSLIBS = $(PACKAGE_SYSTOOLS)
deb: dist
	$(PY) build/package/deb.py --bundle dist/mediator --out dist

package-check: EXTRA_SYSLIBS = $(PACKAGE_SYSTOOLS)
package-check: deb
	$(PY) build/package/smoke.py --dist dist

translations: $(VENV)/.dev
	$(PY) build/translations.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info dist build/pyinstaller-work
