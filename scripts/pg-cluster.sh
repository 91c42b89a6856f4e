#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster on 127.0.0.1 for the PostgreSQL test suite.
# Installs Debian's postgresql when it is missing. Usage:
#   scripts/pg-cluster.sh start [PORT]   -> prints the DATABASE_URL to use (postgres://postgres@127.0.0.1:PORT/buurtbot)
#   scripts/pg-cluster.sh stop
set -euo pipefail
# One cluster per checkout: two clones or worktrees on one machine never share a data directory or a port.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TAG=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
DIR=${PGCLUSTER_DIR:-/tmp/buurtbot-pg-$TAG}
# A port in 40000..49999 derived from the checkout; PGCLUSTER_PORT or the second argument override it.
PORT=${2:-${PGCLUSTER_PORT:-$((40000 + TAG % 10000))}}
cmd=${1:-start}

pgbin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] && echo "$bin"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$cmd" = stop ]; then
  BIN=$(pgbin) || exit 0
  [ -d "$DIR/data" ] && as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

if ! BIN=$(pgbin); then
  echo "installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  BIN=$(pgbin)
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
fi
if ! as_postgres "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
fi
as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='buurtbot'" | grep -q 1 \
  || as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres buurtbot
echo "postgres://postgres@127.0.0.1:$PORT/buurtbot"
