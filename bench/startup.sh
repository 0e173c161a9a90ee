#!/usr/bin/env bash
# Times the README's run command from launch to the first 200 of the login page, on an empty data folder, and says
# whether the demo accounts existed by then. Prints, last, one JSON line:
# {"run":N,"login_200_s":X,"demo_accounts_s":X,"accounts_before_login":true|false,"jvm_s":X}
# (demo_accounts_s: when the console printed the demo accounts, null when it did not within 60 s after the login page
# answered; jvm_s: the application's own "process running for" figure, the rest of login_200_s is Maven's). Usage: bench/startup.sh [runs]   (default 1; the data folder is emptied before each run)
# The data folder is target/startup-data, given through CONSILIUM_DATA_DIR, so ./data stays untouched. Port 8080 must
# be free. The first run after a change also compiles; run it twice for the warm figure.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-1}"
export CONSILIUM_DATA_DIR="$PWD/target/startup-data"
mkdir -p target
log=target/startup.log

if curl -s -o /dev/null http://localhost:8080/login; then
  echo "Something already answers on port 8080; stop it first." >&2
  exit 1
fi

elapsed() { awk -v a="$1" -v b="$start" 'BEGIN { printf "%.1f", a - b }'; }

for run in $(seq 1 "$runs"); do
  rm -rf "$CONSILIUM_DATA_DIR"
  start=$(date +%s.%N)
  ./mvnw -B spring-boot:run -Dspring-boot.run.profiles=demo >"$log" 2>&1 &
  pid=$!
  login=""
  accounts=""
  deadline=$(( $(date +%s) + 300 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    now=$(date +%s.%N)
    if [ -z "$accounts" ] && grep -q "=== Consilium demo accounts" "$log"; then
      accounts=$(elapsed "$now")
    fi
    if [ -z "$login" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/login || true)" = "200" ]; then
      login=$(elapsed "$(date +%s.%N)")
      # the accounts line may have been printed between the two checks
      if [ -z "$accounts" ] && grep -q "=== Consilium demo accounts" "$log"; then
        accounts="$login"
      fi
      before=$([ -n "$accounts" ] && echo true || echo false)
      [ -n "$accounts" ] && break
      deadline=$(( $(date +%s) + 60 ))
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The application stopped; see $log" >&2
      exit 1
    fi
    sleep 0.2
  done
  # spring-boot:run forks the application: stop the fork (it closes its database), then Maven ends by itself
  fork=$(pgrep -P "$pid" -f "org.consilium.ConsiliumApplication" || true)
  kill ${fork:-$pid} 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while curl -s -o /dev/null http://localhost:8080/login; do sleep 0.5; done
  jvm=$(sed -n 's/.*Started ConsiliumApplication in .* seconds (process running for \([0-9.]*\)).*/\1/p' "$log" | head -1)
  printf '{"run":%s,"login_200_s":%s,"demo_accounts_s":%s,"accounts_before_login":%s,"jvm_s":%s}\n' "$run" "${login:-null}" \
    "${accounts:-null}" "${before:-false}" "${jvm:-null}"
done
