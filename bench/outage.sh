#!/usr/bin/env bash
# Measures how the running application answers while its embedded database is away, and how soon it serves again,
# with the default timeouts (README, "The embedded database"). It starts the application (./mvnw spring-boot:run) on
# an empty data folder (target/outage-data) and port ${PORT:-8095}, then:
#   1. freezes the engine (SIGSTOP to the postmaster and all its processes) for ${FREEZE_S:-20} s, then thaws it (SIGCONT);
#   2. kills the postmaster (kill -9); the application's watch restarts it;
#   3. kills the application itself (kill -9), which leaves the engine running, and starts the application again.
# Two probes, each request bounded by curl --max-time 60: GET /actuator/health (the database check) and a sign-in
# (POST /login with an unknown address: reads the database, answers 302 when it is up). Prints the figures, and last
# one JSON line: {"freeze":{"first_503_s":..,"slowest_answer_s":..,"codes":".."},"thaw_recovery_s":..,
# "kill":{"first_503_s":..,"recovery_s":..,"codes":".."},"app_kill9_restart_s":..,"stale_engine_stopped":true|false}
# where first_503_s is from the fault to the end of the first 503 answer, recovery_s from the fault's end (SIGCONT, or the
# kill) to the first answer of 200 (health) and 302 (sign-in), and codes lists every distinct status seen (000 = none
# within 60 s). Usage: bench/outage.sh
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-8095}"
freeze_s="${FREEZE_S:-20}"
base="http://localhost:$port"
export CONSILIUM_DATA_DIR="$PWD/target/outage-data"
export SERVER_PORT="$port"
mkdir -p target
log=target/outage.log
jar=target/outage-cookies

if curl -s -o /dev/null "$base/login"; then
  echo "Something already answers on port $port; stop it or set PORT." >&2
  exit 1
fi

now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.2f", a - b }'; }

app_pid=""
start_app() {
  ./mvnw -B -q spring-boot:run >>"$log" 2>&1 &
  maven=$!
  local deadline=$(( $(date +%s) + 600 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/login" || true)" = "200" ]; do
    if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$maven" 2>/dev/null; then
      echo "The application did not start; see $log" >&2
      exit 1
    fi
    sleep 0.3
  done
  app_pid=$(pgrep -P "$maven" -f "org.consilium.ConsiliumApplication" || echo "$maven")
}

stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$maven" 2>/dev/null || true
}

postmaster() { head -1 "$CONSILIUM_DATA_DIR/postgres/postmaster.pid"; }
engine_processes() { local pm; pm=$(postmaster); echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"; }

# one probe: prints "<code> <seconds>"
health() { curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}\n' "$base/actuator/health" || echo "000 60"; }
sign_in() {
  local token
  token=$(curl -s --max-time 60 -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null --max-time 60 -c "$jar" -b "$jar" -w '%{http_code} %{time_total}\n' \
    --data-urlencode "username=probe-$RANDOM$RANDOM@outage.invalid" --data-urlencode "password=not-the-password-at-all" \
    --data-urlencode "_csrf=$token" "$base/login" || echo "000 60"
}

# probes both until each has answered with 503 once (or $1 seconds passed); sets first_503, slowest, codes
watch_fault() {
  local fault_start=$1 limit=$2
  first_503=""; slowest=0; codes=""
  local end=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$end" ]; do
    for probe in health sign_in; do
      read -r code took < <($probe)
      codes="$codes $code"
      slowest=$(awk -v a="$slowest" -v b="$took" 'BEGIN { print (b > a ? b : a) }')
      if [ "$code" = "503" ] && [ -z "$first_503" ]; then first_503=$(since "$fault_start"); fi
    done
  done
  codes=$(echo "$codes" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ',' | sed 's/,$//')
}

# probes until health answers 200 and the sign-in 302; prints seconds since $1
await_recovery() {
  local since_start=$1 deadline=$(( $(date +%s) + 300 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    read -r h _ < <(health)
    read -r s _ < <(sign_in)
    recovery_codes="$recovery_codes $h $s"
    if [ "$h" = "200" ] && [ "$s" = "302" ]; then since "$since_start"; return; fi
    sleep 0.2
  done
  echo null
}

rm -rf "$CONSILIUM_DATA_DIR" "$jar"
: >"$log"
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    [ -f "$CONSILIUM_DATA_DIR/postgres/postmaster.pid" ] && kill -CONT $(engine_processes) 2>/dev/null
    kill "$app_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
start_app
echo "application up (pid $app_pid), engine postmaster $(postmaster)"
read -r code _ < <(health); echo "health before: $code"
read -r code _ < <(sign_in); echo "sign-in before: $code"

# 1. freeze
procs=$(engine_processes)
t=$(now); kill -STOP $procs
watch_fault "$t" "$freeze_s"
freeze_first=$first_503; freeze_slowest=$slowest; freeze_codes=$codes
echo "frozen: first 503 after ${freeze_first:-none} s, slowest answer ${freeze_slowest} s, codes $freeze_codes"
t=$(now); kill -CONT $procs
recovery_codes=""
thaw=$(await_recovery "$t")
echo "thawed: serving again after $thaw s"

# 2. kill the postmaster
old=$(postmaster)
echo "killing postmaster $old at $(date -u +%H:%M:%S.%N | cut -c1-12)"
t=$(now); kill -9 "$old"
first_503=""; codes=""
recovery_codes=""
deadline=$(( $(date +%s) + 300 ))
kill_recovery=null
while [ "$(date +%s)" -lt "$deadline" ]; do
  read -r h _ < <(health); read -r s _ < <(sign_in)
  codes="$codes $h $s"
  if { [ "$h" = "503" ] || [ "$s" = "503" ]; } && [ -z "$first_503" ]; then first_503=$(since "$t"); fi
  if [ "$h" = "200" ] && [ "$s" = "302" ]; then kill_recovery=$(since "$t"); break; fi
  sleep 0.2
done
kill_codes=$(echo "$codes" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ',' | sed 's/,$//')
echo "postmaster $old killed: first 503 after ${first_503:-none} s, serving again after $kill_recovery s (new postmaster $(postmaster)), codes $kill_codes"
kill_first=$first_503

# 3. kill -9 the application: its engine stays; the next start must stop it
engine_before=$(postmaster)
kill -9 "$app_pid"; wait "$maven" 2>/dev/null || true
orphan=$(kill -0 "$engine_before" 2>/dev/null && echo true || echo false)
t=$(now)
start_app
restart=$(since "$t")
stale_stopped=$( [ "$orphan" = true ] && ! kill -0 "$engine_before" 2>/dev/null && echo true || echo false)
echo "application killed with -9 (engine $engine_before left running: $orphan); started again in $restart s, stale engine stopped: $stale_stopped"
stop_app

printf '{"freeze":{"first_503_s":%s,"slowest_answer_s":%s,"codes":"%s"},"thaw_recovery_s":%s,"kill":{"first_503_s":%s,"recovery_s":%s,"codes":"%s"},"app_kill9_restart_s":%s,"stale_engine_stopped":%s}\n' \
  "${freeze_first:-null}" "$freeze_slowest" "$freeze_codes" "$thaw" "${kill_first:-null}" "$kill_recovery" "$kill_codes" "$restart" "$stale_stopped"
