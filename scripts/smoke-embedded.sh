#!/usr/bin/env bash
# Smoke test of the embedded default, as a newcomer runs it: `npm start` with no
# DATABASE_URL and no REDIS_URL. Checks readiness, SIGTERM (exit 0 within 10 s, no
# stale postmaster.pid), that a restart keeps the data, and that bad configuration
# stops with one line naming the variable, and how long each start takes to be ready (the
# second, on an unchanged checkout, must not rebuild: <= 10 s). npm start builds if dist/ is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

unset DATABASE_URL REDIS_URL
export KLAUSUL_DATA_DIR; KLAUSUL_DATA_DIR="$(mktemp -d /tmp/klausul-smoke-XXXXXX)"
export PORT="${SMOKE_PORT:-3917}" EMBEDDED_POSTGRES_PORT="${SMOKE_PG_PORT:-54917}" LOG_FORMAT=json
log="$KLAUSUL_DATA_DIR/server.log"
trap 'pkill -TERM -f "dist/apps/api/main.js" 2>/dev/null || true; rm -rf "$KLAUSUL_DATA_DIR"' EXIT

fail() { echo "smoke: FAIL: $*" >&2; echo "--- server log (last 20 lines)" >&2; tail -20 "$log" >&2 || true; exit 1; }

# Starts `npm start` and waits for readiness; sets ready_ms to how long that took.
start_server() {
  local started_ms; started_ms=$(date +%s%3N)
  npm start --silent >>"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; then
      ready_ms=$(( $(date +%s%3N) - started_ms ))
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || fail "server exited before it was ready"
    sleep 0.1
  done
  fail "not ready within 120 s"
}

stop_server() {
  local started=$SECONDS code=0
  kill -TERM "$server_pid"
  for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$server_pid" 2>/dev/null && fail "still running 10 s after SIGTERM"
  wait "$server_pid" || code=$?
  [ "$code" -eq 0 ] || fail "exit code $code after SIGTERM (expected 0)"
  [ ! -e "$KLAUSUL_DATA_DIR/pgdata/postmaster.pid" ] || fail "postmaster.pid left behind"
  echo "smoke: stopped cleanly with exit 0 in $((SECONDS - started)) s"
}

embedded_sql() {
  node -e '
    const { Client } = require("pg");
    const c = require(process.env.KLAUSUL_DATA_DIR + "/embedded-postgres.json");
    const client = new Client({ host: "127.0.0.1", port: +process.env.EMBEDDED_POSTGRES_PORT, user: c.user, password: c.password, database: "klausul" });
    client.connect().then(() => client.query(process.argv[1])).then((r) => { console.log(JSON.stringify(r.rows)); return client.end(); })
      .catch((e) => { console.error(e.message); process.exit(1); });' "$1"
}

start_server
ready="$(curl -s "http://127.0.0.1:$PORT/health/ready")"
echo "$ready" | grep -q '"queue":{"backend":"postgres"' || fail "readiness did not report the PostgreSQL queue backend: $ready"
echo "smoke: first start (new data folder: initdb, migrations, demo data) ready in $ready_ms ms: $ready"
embedded_sql "CREATE TABLE smoke_kept (note text); INSERT INTO smoke_kept VALUES ('kept across restart')" >/dev/null
stop_server

start_server
echo "smoke: second npm start on the unchanged checkout ready in $ready_ms ms (target <= 10000 ms)"
[ "$ready_ms" -le 10000 ] || fail "the second start took $ready_ms ms (more than 10 s)"
rows="$(embedded_sql 'SELECT note FROM smoke_kept')"
[ "$rows" = '[{"note":"kept across restart"}]' ] || fail "data was not kept across a restart: $rows"
echo "smoke: data kept across a restart"
stop_server

for bad in "PORT=abc" "DATABASE_URL=nonsense" "REDIS_URL=localhost:6379"; do
  variable="${bad%%=*}"
  set +e
  output="$(env "$bad" node dist/apps/api/main.js 2>&1)"
  code=$?
  set -e
  [ "$code" -ne 0 ] || fail "$bad: exit code 0"
  [ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ] || fail "$bad: expected one line, got: $output"
  printf '%s' "$output" | grep -q "^Invalid configuration: $variable " || fail "$bad: line does not name $variable: $output"
  echo "smoke: $bad -> exit $code: $output"
done
echo "smoke: embedded default OK"
