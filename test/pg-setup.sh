#!/usr/bin/env bash
# A PostgreSQL server for the store's tests. Run as root on a Debian machine:
# installs postgresql from Debian's packages when missing, starts a cluster on
# 127.0.0.1:5432, creates role dyad (password dyad, may create databases: each
# test file makes its own) and database dyad_test, and prints the URL to put in
# DYAD_TEST_DATABASE_URL. Safe to run again: every step checks first.
set -euo pipefail

PORT=5432
URL="postgres://dyad:dyad@127.0.0.1:${PORT}/dyad_test"

say() { echo "pg-setup: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "run me as root (I install packages and start the server as the postgres user)"
  exit 2
fi

# The newest installed server, e.g. /usr/lib/postgresql/15/bin -> 15.
find_major() {
  find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' 2>/dev/null |
    sed -E 's#^/usr/lib/postgresql/([0-9]+)/bin/postgres$#\1#' | sort -n | tail -n 1
}

MAJOR="$(find_major || true)"
if [ -z "$MAJOR" ]; then
  say "installing postgresql from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  MAJOR="$(find_major)"
fi
BIN="/usr/lib/postgresql/${MAJOR}/bin"
say "PostgreSQL ${MAJOR}"

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; }

if ! ready; then
  if command -v pg_ctlcluster >/dev/null && [ -d "/etc/postgresql/${MAJOR}/main" ]; then
    # Debian's cluster (the package creates it): listen on localhost only.
    sed -i -E "s/^#?listen_addresses.*/listen_addresses = '127.0.0.1'/" "/etc/postgresql/${MAJOR}/main/postgresql.conf"
    sed -i -E "s/^#?port = .*/port = ${PORT}/" "/etc/postgresql/${MAJOR}/main/postgresql.conf"
    # Its notices ("Removed stale pid file.") go to stderr: stdout is the URL only.
    { pg_ctlcluster "$MAJOR" main start || pg_ctlcluster "$MAJOR" main restart; } >&2
  else
    # No Debian cluster (e.g. a container without the postinst): a private one.
    DATA=/var/lib/postgresql/dyad-test
    if [ ! -s "$DATA/PG_VERSION" ]; then
      install -d -o postgres -g postgres "$DATA"
      runuser -u postgres -- "$BIN/initdb" -D "$DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    fi
    install -d -o postgres -g postgres /var/run/postgresql
    runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=${PORT}" start >&2
  fi
  for _ in $(seq 1 30); do ready && break; sleep 1; done
  ready || { say "the server did not come up on 127.0.0.1:${PORT}"; exit 1; }
fi

psql_admin() { runuser -u postgres -- "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"; }
psql_admin_quiet() { psql_admin "$@" >&2; }

# Over the Unix socket as the postgres superuser (peer authentication).
if [ "$(psql_admin -tAc "select 1 from pg_roles where rolname = 'dyad'")" != "1" ]; then
  psql_admin_quiet -c "create role dyad login password 'dyad' createdb"
else
  psql_admin_quiet -c "alter role dyad login password 'dyad' createdb"
fi
# Test files drop their databases "with (force)", ending sessions still open there.
psql_admin_quiet -c "grant pg_signal_backend to dyad"
if [ "$(psql_admin -tAc "select 1 from pg_database where datname = 'dyad_test'")" != "1" ]; then
  psql_admin_quiet -c "create database dyad_test owner dyad"
fi

# The role must get in over TCP with its password (scram or md5 in pg_hba.conf).
if ! PGPASSWORD=dyad "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U dyad -d dyad_test -c "select 1" >/dev/null 2>&1; then
  say "role dyad cannot log in over TCP: check pg_hba.conf for 127.0.0.1/32"
  exit 1
fi

echo "$URL"
