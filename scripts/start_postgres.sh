#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print its URL.
#
#   export PROXYGRAPH_TEST_PG_URL="$(scripts/start_postgres.sh)"
#
# Needs Debian's postgresql package (apt-get install -y postgresql). The cluster lives in
# $PROXYGRAPH_PG_DIR (default /tmp/proxygraph-pg), listens on 127.0.0.1:$PROXYGRAPH_PG_PORT
# (default 54329) and has a role and database "proxygraph" (password "proxygraph") that
# the tests may empty. Run as root, the server runs as the postgres user. Running the
# script again while the server is up only prints the URL. Stop it with
#   pg_ctl -D "$PROXYGRAPH_PG_DIR/data" stop     (as the same user)
set -euo pipefail

DIR="${PROXYGRAPH_PG_DIR:-/tmp/proxygraph-pg}"
PORT="${PROXYGRAPH_PG_PORT:-54329}"
URL="postgresql://proxygraph:proxygraph@127.0.0.1:${PORT}/proxygraph"

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ]; then
  if command -v pg_ctl >/dev/null; then BIN="$(dirname "$(command -v pg_ctl)")"; else
    echo "start_postgres.sh: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
    exit 1
  fi
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
  fi
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null
fi
psql_admin() { as_owner "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'proxygraph'")" != 1 ]; then
  psql_admin -c "CREATE ROLE proxygraph LOGIN PASSWORD 'proxygraph'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'proxygraph'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE proxygraph OWNER proxygraph"
fi
echo "$URL"
