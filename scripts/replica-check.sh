#!/usr/bin/env bash
# Sets up a Postgres primary and a streaming replica from Debian's Postgres
# binaries in a private folder, serves Benchboard with DATABASE_URL on the
# primary and DATABASE_READ_URL on the replica, and checks that leaderboard
# reads are answered by the replica. It touches no system cluster and
# removes everything when it ends. Usage: scripts/replica-check.sh [bin/benchboard]
set -euo pipefail
benchboard=$(realpath "${1:-bin/benchboard}")
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
primary_port=${PRIMARY_PORT:-55432}
replica_port=${REPLICA_PORT:-55433}
app_port=${APP_PORT:-18181}
work=$(mktemp -d /tmp/benchboard-replica.XXXXXX)
chmod 755 "$work"

# initdb and the server refuse to run as root: run them as postgres then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"

server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  for c in replica primary; do
    [ -f "$work/$c/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$work/$c" -m fast -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== primary on 127.0.0.1:$primary_port"
as_pg "$bin/initdb" -D "$work/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$work/primary/postgresql.conf" <<CONF
port = $primary_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
wal_level = replica
max_wal_senders = 4
log_min_duration_statement = 0
CONF
echo "host replication all 127.0.0.1/32 trust" >> "$work/primary/pg_hba.conf"
as_pg "$bin/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w start >/dev/null

echo "== replica on 127.0.0.1:$replica_port, streaming from the primary"
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$work/replica" -R -X stream
sed -i "s/^port = $primary_port/port = $replica_port/" "$work/replica/postgresql.conf"
as_pg "$bin/pg_ctl" -D "$work/replica" -l "$work/replica.log" -w start >/dev/null

primary="postgres://postgres@127.0.0.1:$primary_port/benchboard?sslmode=disable"
replica="postgres://postgres@127.0.0.1:$replica_port/benchboard?sslmode=disable"
psql_on() { "$bin/psql" -X -q -At "postgres://postgres@127.0.0.1:$1/$2?sslmode=disable" -c "$3"; }

psql_on "$primary_port" postgres "CREATE DATABASE benchboard"
DATABASE_URL=$primary "$benchboard" seed

echo "== waiting for the replica to replay the seed"
for _ in $(seq 1 50); do
  n=$(psql_on "$replica_port" benchboard "SELECT count(*) FROM results" 2>/dev/null || echo 0)
  [ "$n" -gt 0 ] && break
  sleep 0.2
done
echo "replica holds $n results; in recovery: $(psql_on "$replica_port" benchboard "SELECT pg_is_in_recovery()")"

DATABASE_URL=$primary DATABASE_READ_URL=$replica PORT=$app_port "$benchboard" serve >"$work/app.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$app_port/readyz" >/dev/null && break; sleep 0.1; done

# Each server logs every statement; only the one that answered the
# leaderboard queries logs the board query.
reads() { grep -c 'FROM results r' "$work/$1.log" || true; }
before_replica=$(reads replica); before_primary=$(reads primary)
for slug in imagenet-1k cuhk-pedes rstpreid mmlu; do
  code=$(curl -s -o "$work/page.html" -w '%{http_code}' "http://127.0.0.1:$app_port/datasets/$slug?from=2019")
  grep -q 'id="board"' "$work/page.html" || { echo "FAIL: /datasets/$slug has no leaderboard"; exit 1; }
  echo "GET /datasets/$slug -> $code"
  [ "$code" = 200 ] || { echo "FAIL: /datasets/$slug answered $code"; exit 1; }
done
after_replica=$(reads replica); after_primary=$(reads primary)
echo "leaderboard queries on the replica: +$((after_replica - before_replica)); on the primary: +$((after_primary - before_primary))"
if [ $((after_replica - before_replica)) -le 0 ] || [ $((after_primary - before_primary)) -ne 0 ]; then
  echo "FAIL: leaderboard reads did not all go to the replica"
  exit 1
fi
echo "OK: the leaderboards were served from the streaming replica"
