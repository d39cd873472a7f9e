#!/usr/bin/env bash
# Catalog search benchmark: embedded PostgreSQL, 10,000 generated procedures, the real API under
# uvicorn, 16 closed-loop clients. Every process started here is stopped by its PID on exit.
#
#   bench/run.sh                      # from the repository root, after `make .venv/.synced`
#   PROCEDURES=10000 CLIENTS=16 DURATION=30 WORKERS=2 ZIPF=1 bench/run.sh
#   SEARCH_CACHE_ENTRIES=0 bench/run.sh   # every search a cache miss (the database runs each one)
set -euo pipefail
cd "$(dirname "$0")/.."

PROCEDURES=${PROCEDURES:-10000}
APPLICATIONS=${APPLICATIONS:-2000}
CLIENTS=${CLIENTS:-16}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
WORKERS=${WORKERS:-2}
PORT=${PORT:-8765}
ZIPF=${ZIPF:-1}
WORK=${BENCH_DIR:-/tmp/motcua-catalog-bench}
PY=.venv/bin/python

mkdir -p "$WORK"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "${KEEP_PG:-0}" != 1 ]; then
    $PY -c "from pathlib import Path; from app.embedded_pg import EmbeddedPostgres; EmbeddedPostgres(Path('$WORK/pg')).stop()" || true
  fi
}
trap cleanup EXIT

URL=$($PY -c "from pathlib import Path; from app.embedded_pg import EmbeddedPostgres; print(EmbeddedPostgres(Path('$WORK/pg')).start())")
export MOTCUA_ENV=development MOTCUA_DATABASE_URL="$URL" MOTCUA_LOG_LEVEL=WARNING
export MOTCUA_SEARCH_CACHE_ENTRIES=${SEARCH_CACHE_ENTRIES:-4096}
# a pool per worker as large as the clients: uvicorn's workers share the clients unevenly, and with
# the default 10 a worker holding more than 10 connections opens and closes an overflow connection
# per request (SQLAlchemy discards overflow connections on return), which costs more than a search
export MOTCUA_DB_POOL_SIZE=${DB_POOL_SIZE:-$CLIENTS}
DSN=$(echo "$URL" | sed 's/+asyncpg//')
export MOTCUA_SECRET_KEY=${MOTCUA_SECRET_KEY:-$($PY -c "import secrets; print(secrets.token_urlsafe(48))")}

$PY bench/generate_catalog.py --procedures "$PROCEDURES" --applications "$APPLICATIONS" -o "$WORK/catalog.json"
.venv/bin/motcua migrate
if [ "${SKIP_IMPORT:-0}" != 1 ]; then
  start=$(date +%s)
  .venv/bin/motcua catalog import "$WORK/catalog.json" || true
  echo "import: $(( $(date +%s) - start )) s" >&2
fi
$PY - <<PYEOF
import asyncio, asyncpg
async def main():
    url = "$URL".replace("postgresql+asyncpg", "postgresql")
    host = url.split("host=")[1]
    conn = await asyncpg.connect(f"postgresql://postgres@/motcua?host={host}")
    await conn.execute("VACUUM ANALYZE procedures")
    await conn.execute("VACUUM ANALYZE procedure_applications")
    await conn.close()
asyncio.run(main())
PYEOF

.venv/bin/motcua serve --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 360); do  # up to 3 min: imports are slow on a loaded machine
  curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/api/v1/procedures?q=cap+giay+phep+xay+dung&page_size=1" | head -c 300; echo

{
  echo "date: $(date -u +%FT%TZ)"
  echo "cpus: $(nproc)  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "procedures: $PROCEDURES  applications: $APPLICATIONS  workers: $WORKERS  clients: $CLIENTS"
  echo "zipf: $ZIPF  search cache entries per worker: $MOTCUA_SEARCH_CACHE_ENTRIES  pool: $MOTCUA_DB_POOL_SIZE"
} | tee "$WORK/env.txt"
postmaster=$(head -1 "$WORK/pg/postmaster.pid")
scans_before=$($PY bench/search_scans.py "$DSN")
api_before=$($PY bench/cpu_time.py "$server_pid"); db_before=$($PY bench/cpu_time.py "$postmaster")
$PY bench/search_load.py --url "http://127.0.0.1:$PORT" --catalog "$WORK/catalog.json" \
  --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" --zipf "$ZIPF" | tee "$WORK/result.txt"
api_after=$($PY bench/cpu_time.py "$server_pid"); db_after=$($PY bench/cpu_time.py "$postmaster")
scans_after=$($PY bench/search_scans.py "$DSN")
# CPU the API and PostgreSQL spent per request, and the share of requests the database searched
# for (the rest came from the search cache); warm-up and measured run together
$PY - "$api_before" "$api_after" "$db_before" "$db_after" "$scans_before" "$scans_after" \
  "$WORK/result.txt" <<'PYEOF' | tee -a "$WORK/result.txt"
import json, sys
api0, api1, db0, db1, scans0, scans1 = map(float, sys.argv[1:7])
result = json.loads(open(sys.argv[7]).read().split("RESULT ", 1)[1].splitlines()[0])
n = result["requests"] + result["warmup_requests"]
print("CPU " + json.dumps({"api_ms_per_request": round((api1 - api0) * 1000 / n, 2),
      "db_ms_per_request": round((db1 - db0) * 1000 / n, 2),
      "db_searches_per_request": round((scans1 - scans0) / n, 3),
      "cache_hit_ratio_at_least": round(max(0.0, 1 - (scans1 - scans0) / n), 3)}))
PYEOF
# the same statements on the database alone (no HTTP, no ORM), same concurrency
$PY bench/db_only.py --dsn "$DSN" --catalog "$WORK/catalog.json" \
  --clients "$CLIENTS" --duration "$DURATION" | tee -a "$WORK/result.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/env.txt"
