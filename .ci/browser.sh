#!/usr/bin/env bash
# Headless chromium and its driver from the Debian packages, for the dashboard's
# browser tests (tests/server/dashboard, selenium).  Idempotent; quiet on success.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "browser.sh: chromium/chromium-driver missing and we are not root with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null 2>&1 || {
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; }
command -v chromium >/dev/null && command -v chromedriver >/dev/null
