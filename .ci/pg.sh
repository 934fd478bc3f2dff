#!/usr/bin/env bash
# PostgreSQL for the server tests marked `postgres`: install it from the Debian
# packages if missing, start the cluster, create the test role and database, and
# print ONE line on stdout for .ci/run to eval:
#   export MEDIATOR_TEST_PG_URL=postgresql+psycopg://...
# Everything else goes to stderr.  Idempotent; a second run takes about a second.
set -euo pipefail
exec 3>&1 1>&2

ROLE=mediator
PASS=mediator
DB=mediator_test

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
    echo "pg.sh: PostgreSQL is not installed and we are not root; postgres tests will skip"
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1 || {
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }
fi

VER=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VER main"; then
  pg_createcluster "$VER" main >/dev/null
fi
PORT=$(pg_lsclusters -h | awk -v v="$VER" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VER" '$1==v && $2=="main" {print $4}' | grep -q online; then
  # The postmaster is a daemon: it must not inherit our stdout capture (fd 3, read
  # by .ci/run's $(...)) or any other pipe, or the caller waits for ever.
  # A machine image saved while PostgreSQL ran keeps its socket lock: remove a lock
  # whose process is gone (pg_ctlcluster itself removes a stale pid file).
  for lock in /var/run/postgresql/.s.PGSQL."$PORT".lock; do
    [ -f "$lock" ] || continue
    lockpid=$(head -1 "$lock" | tr -d ' ')
    if [ -n "$lockpid" ] && ! kill -0 "$lockpid" 2>/dev/null; then
      rm -f "$lock" "${lock%.lock}"
    fi
  done
  pglog=$(mktemp)
  if ! ( for fd in $(ls /proc/$BASHPID/fd); do
           [ "$fd" -gt 2 ] && eval "exec $fd>&-"
         done
         exec pg_ctlcluster "$VER" main start </dev/null >"$pglog" 2>&1 ); then
    cat "$pglog"; rm -f "$pglog"
    echo "pg.sh: could not start PostgreSQL $VER; postgres tests will skip"
    exit 0
  fi
  rm -f "$pglog"
fi
for _ in $(seq 1 50); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 0.2
done

psql_su() { su postgres -c "psql -q -p $PORT -tAc \"$1\""; }
if [ "$(psql_su "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != "1" ]; then
  psql_su "CREATE ROLE $ROLE LOGIN PASSWORD '$PASS'"
fi
# make test runs in parallel (pytest-xdist): each worker creates its own database
# ${DB}_gw0, ${DB}_gw1, ... (tests/sync/conftest.py), so the role may create databases.
if [ "$(psql_su "SELECT rolcreatedb FROM pg_roles WHERE rolname='$ROLE'")" != "t" ]; then
  psql_su "ALTER ROLE $ROLE CREATEDB"
fi
if [ "$(psql_su "SELECT 1 FROM pg_database WHERE datname='$DB'")" != "1" ]; then
  psql_su "CREATE DATABASE $DB OWNER $ROLE"
fi

echo "export MEDIATOR_TEST_PG_URL=postgresql+psycopg://$ROLE:$PASS@127.0.0.1:$PORT/$DB" >&3
