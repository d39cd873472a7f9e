#!/usr/bin/env bash
# Dossier lookup and worklist benchmark, end to end, side by side with ../shared/bench-floor/.
#
#   bench/dossiers/run.sh                    # full run: 10,000 then 1,000,000 dossiers (~15 min)
#   SIZES=10000 REPEATS=1 WRK_DURATION=5s bench/dossiers/run.sh     # smoke run
#
# One PostgreSQL (the pgserver binaries of our .venv, 127.0.0.1:$PG_PORT, trust auth, C locale) holds,
# for each size N, a MotCua database (migrate + demo seed + bench/dossiers/generate.py) and the floor's
# database (the floor's own seed.py, same N). For each N and worker count, the floor app and
# `motcua serve` (MOTCUA_ENV=production) are started one at a time and measured with the floor's
# bench_http.sh + lookup.lua (same wrk load), alternating the order, REPEATS pairs; then the worklist
# page GET /api/v1/dossiers?limit=20 is measured with an officer's bearer token at 16 connections.
# Every process started here is stopped by PID on exit. Results: $OUT/<timestamp>/.
#
# Environment (defaults): SIZES="10000 1000000" WORKERS="1" REPEATS=2 PG_PORT=5546
#   APP_PORT=8101 FLOOR_PORT=8102 OUT=/tmp/motcua-bench5 FLOOR=/work/shared/bench-floor
#   WRK_THREADS=2 WRK_CONNS=32 WRK_DURATION=20s WARMUP=5s WORKLIST_CONNS=16 SEED=42
#   UNTIL=2026-11-23 (last reception day of the generated data)  KEEP_PG=0
#   ONLY_WORKLISTS=0 (1: skip the lookup pairs; the worklists are measured REPEATS times too)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SIZES=${SIZES:-"10000 1000000"}
WORKERS=${WORKERS:-1}
REPEATS=${REPEATS:-2}
PG_PORT=${PG_PORT:-5546}
APP_PORT=${APP_PORT:-8101}
FLOOR_PORT=${FLOOR_PORT:-8102}
OUT=${OUT:-/tmp/motcua-bench5}
FLOOR=${FLOOR:-/work/shared/bench-floor}
FLOOR_VENV=${FLOOR_VENV:-/tmp/motcua-perf-venv}
SEED=${SEED:-42}
UNTIL=${UNTIL:-2026-11-23}
KEEP_PG=${KEEP_PG:-0}
ONLY_WORKLISTS=${ONLY_WORKLISTS:-0}
WORKLIST_CONNS=${WORKLIST_CONNS:-16}
export WRK_THREADS=${WRK_THREADS:-2} WRK_CONNS=${WRK_CONNS:-32} WRK_DURATION=${WRK_DURATION:-20s}
export WARMUP=${WARMUP:-5s}
PY=$ROOT/.venv/bin/python
RUN=$OUT/results/$(date -u +%Y%m%d-%H%M%S)
RESULTS=$RUN/wrk.jsonl
PGDATA=$OUT/pgdata
mkdir -p "$RUN"
touch "$RUN/ratios.txt"
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

SERVER_PID=""
PG_STARTED=0
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  # uvicorn's worker processes may still hold the port for a moment: the next server needs it
  for _ in $(seq 1 40); do
    ss -ltn 2>/dev/null | grep -qE "127\.0\.0\.1:($APP_PORT|$FLOOR_PORT) " || break
    sleep 0.25
  done
}
cleanup() {
  stop_server
  if [ "$PG_STARTED" = 1 ] && [ "$KEEP_PG" != 1 ]; then
    log "stopping PostgreSQL"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools -----------------------------------------------------------------------------------------
[ -x "$PY" ] || { echo "run 'make .venv/.synced' first" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  log "installing wrk"; apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null
fi
if [ ! -x "$FLOOR_VENV/bin/uvicorn" ]; then
  log "creating the floor's venv $FLOOR_VENV"
  python3 -m venv "$FLOOR_VENV" && "$FLOOR_VENV/bin/pip" install -q -r "$FLOOR/requirements.txt"
fi
PGBIN=$("$PY" -c 'from app.embedded_pg import find_bin_dir; print(find_bin_dir())')

# --- PostgreSQL ------------------------------------------------------------------------------------
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA" && chmod 700 "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGDATA -c max_connections=200 \
     -c shared_buffers=512MB -c effective_cache_size=4GB -c jit=off" >/dev/null
  PG_STARTED=1
fi
PG=postgresql://postgres@127.0.0.1:$PG_PORT
psql_() { "$PGBIN/psql" -qAt "$@"; }

# --- data ------------------------------------------------------------------------------------------
# creates motcua_bench_N (migrate + demo seed + N dossiers) and motcua_floor_N (floor's seed.py)
load_data() {
  local n=$1 db=motcua_bench_$1 fdb=motcua_floor_$1
  # data is reused only if made by the same migrations (a migration edited or added: regenerate)
  local schema
  schema=$(cat "$ROOT"/migrations/versions/*.py | sha256sum | cut -c1-16)
  if [ -s "$OUT/codes-$n.txt" ] && [ -s "$OUT/floor-codes-$n.txt" ] \
     && [ "$(cat "$OUT/schema-$n.txt" 2>/dev/null)" = "$schema" ] \
     && [ "$(psql_ "$PG/$db" -c 'select count(*) from dossiers' 2>/dev/null)" = "$n" ]; then
    log "reusing $db and $fdb"; return
  fi
  psql_ "$PG/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  log "MotCua database $db: migrate, demo seed, $n dossiers"
  (cd "$ROOT" && MOTCUA_LOG_LEVEL=WARNING "$PY" -m bench.dossiers.generate --prepare \
     --url "$PG/$db" --n "$n" --seed "$SEED" --until "$UNTIL" --codes-file "$OUT/codes-$n.txt") \
     2>&1 | grep -v '^  ' | tail -3 >&2
  log "floor database $fdb: seed.py --n $n"
  "$FLOOR_VENV/bin/python" "$FLOOR/seed.py" --dsn "$PG/$fdb" --n "$n" --seed "$SEED" \
    --codes-file "$OUT/floor-codes-$n.txt" 2>&1 | tail -2 >&2
  echo "$schema" > "$OUT/schema-$n.txt"
}

# --- servers ---------------------------------------------------------------------------------------
wait_http() {  # url
  for _ in $(seq 1 120); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}
start_floor() {  # n workers
  (cd "$FLOOR" && FLOOR_DSN=$PG/motcua_floor_$1 exec "$FLOOR_VENV/bin/uvicorn" floor_app:app \
     --host 127.0.0.1 --port "$FLOOR_PORT" --workers "$2" --no-access-log --log-level warning) \
     >> "$RUN/floor.log" 2>&1 &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$FLOOR_PORT/api/v1/lookup/$(head -1 "$OUT/floor-codes-$1.txt")" \
    || { tail -20 "$RUN/floor.log" >&2; exit 1; }
}
start_app() {  # n workers
  (cd "$ROOT" && MOTCUA_ENV=production MOTCUA_SECRET_KEY=$SECRET \
     MOTCUA_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1:$PG_PORT/motcua_bench_$1 \
     MOTCUA_DATA_DIR=$OUT/data exec "$ROOT/.venv/bin/motcua" serve --host 127.0.0.1 \
     --port "$APP_PORT" --workers "$2") >> "$RUN/app.log" 2>&1 &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$APP_PORT/api/v1/lookup/$(head -1 "$OUT/codes-$1.txt")" \
    || { tail -20 "$RUN/app.log" >&2; exit 1; }
}
measure_floor() {  # n workers
  start_floor "$1" "$2"
  CODES_FILE=$OUT/floor-codes-$1.txt "$FLOOR/bench_http.sh" "floor-n$1-w$2" \
    "http://127.0.0.1:$FLOOR_PORT" "$RESULTS" > "$RUN/wrk-floor-n$1-w$2.txt" || log "floor: errors!"
  stop_server
}
measure_lookup() {  # n workers
  start_app "$1" "$2"
  CODES_FILE=$OUT/codes-$1.txt "$FLOOR/bench_http.sh" "motcua-lookup-n$1-w$2" \
    "http://127.0.0.1:$APP_PORT" "$RESULTS" > "$RUN/wrk-lookup-n$1-w$2.txt" || log "lookup: errors!"
  stop_server
}
token_of() {  # username
  curl -fsS -X POST "http://127.0.0.1:$APP_PORT/api/v1/auth/token" \
    --data-urlencode "username=$1" --data-urlencode "password=motcua-demo-2026" \
    | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
measure_worklists() {  # n workers
  start_app "$1" "$2"
  local who
  # lookup.lua needs keys: the one key is the page size. bench_http.sh appends a stray "}" to a
  # PATH_TEMPLATE given to it (${PATH_TEMPLATE:-.../{code}} closes at the first "}"), so the template
  # is given one "}" short and that "}" completes it: the officer's plain first page, ?limit=20.
  echo 20 > "$OUT/limit.txt"
  local r
  for r in $(seq 1 "$REPEATS"); do
    for who in tiepnhan tiepnhan.xa chuyenvien.xaydung; do
      CODES_FILE=$OUT/limit.txt PATH_TEMPLATE='/api/v1/dossiers?limit={code' \
        WRK_HEADERS="Authorization: Bearer $(token_of "$who")" WRK_CONNS=$WORKLIST_CONNS \
        "$FLOOR/bench_http.sh" "worklist-$who-n$1-w$2" "http://127.0.0.1:$APP_PORT" "$RESULTS" \
        > "$RUN/wrk-worklist-$who-n$1-w$2-$r.txt" || log "worklist $who: errors!"
    done
  done
  stop_server
}

SECRET=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')
{
  echo "date: $(date -u -Is)"
  echo "host: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "postgres: $(psql_ "$PG/postgres" -c 'show server_version') ($PGBIN)"
  echo "motcua venv: $("$PY" -V); $("$PY" -c 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ("fastapi", "starlette", "uvicorn", "uvloop", "httptools", "pydantic", "sqlalchemy", "asyncpg")))')"
  echo "floor venv: $("$FLOOR_VENV/bin/python" -m pip list 2>/dev/null | grep -iE '^(starlette|uvicorn|asyncpg|uvloop|httptools) ' | tr -s ' ' | paste -sd, -)"
  echo "wrk: $(wrk -v 2>&1 | head -1); -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION (warm-up $WARMUP); worklist -c$WORKLIST_CONNS"
} > "$RUN/env.txt"

for n in $SIZES; do
  load_data "$n"
  psql_ "$PG/motcua_bench_$n" -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm' \
    -c "SELECT pg_prewarm('dossiers'), pg_prewarm('uq_dossiers_code')" >/dev/null 2>&1 || true
  psql_ "$PG/motcua_floor_$n" -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm' \
    -c "SELECT pg_prewarm('dossiers'), pg_prewarm('dossiers_code_key')" >/dev/null 2>&1 || true
  for w in $WORKERS; do
    for r in $(seq 1 "$REPEATS"); do
      [ "$ONLY_WORKLISTS" = 1 ] && break
      if [ $((r % 2)) = 1 ]; then
        log "n=$n w=$w pair $r: floor then motcua"; measure_floor "$n" "$w"; measure_lookup "$n" "$w"
      else
        log "n=$n w=$w pair $r: motcua then floor"; measure_lookup "$n" "$w"; measure_floor "$n" "$w"
      fi
    done
    log "n=$n w=$w: worklists"
    measure_worklists "$n" "$w"
    [ "$ONLY_WORKLISTS" = 1 ] || "$FLOOR_VENV/bin/python" "$FLOOR/ratio.py" "$RESULTS" \
      --a "motcua-lookup-n$n-w$w" --b "floor-n$n-w$w" | tee -a "$RUN/ratios.txt" >&2
  done
done
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RUN/env.txt"
"$PY" "$ROOT/bench/dossiers/summary.py" "$RESULTS" > "$RUN/summary.md"
cat "$RUN/env.txt" "$RUN/ratios.txt" "$RUN/summary.md"
log "results in $RUN"
