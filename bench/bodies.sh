#!/usr/bin/env bash
# Measures the memory the packaged application holds while signed-in clients send oversized JSON bodies (issue #11,
# failure 6: six concurrent 665 MB bodies once took the process from 1.3 GB to 6.5 GB). Builds the jar
# (./mvnw package -DskipTests) unless JAR names one, starts it on an empty data folder (target/bodies-data) and port
# ${PORT:-8096}, registers a patient (e-mail is off, so the account is active at once) and signs in, then sends
# ${CLIENTS:-6} concurrent POST /api/cases with a body of ${MB:-665} MB each (one JSON string of that size). Prints each
# answer's status and seconds, the process's resident memory before, its peak (VmHWM) and after, and one JSON line:
# {"clients":6,"body_mb":665,"codes":"413","rss_before_mb":..,"rss_peak_mb":..,"rss_after_mb":..}
# Usage: bench/bodies.sh   (JAR=target/consilium-0.1.0-SNAPSHOT.jar bench/bodies.sh to skip the build)
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-8096}"
clients="${CLIENTS:-6}"
mb="${MB:-665}"
base="http://localhost:$port"
data="$PWD/target/bodies-data"
log=target/bodies.log
cookies=target/bodies-cookies
body="target/bodies-${mb}mb.json"
mkdir -p target

if curl -s -o /dev/null "$base/login"; then
  echo "Something already answers on port $port; stop it or set PORT." >&2
  exit 1
fi
jar="${JAR:-}"
if [ -z "$jar" ]; then
  ./mvnw -B -q package -DskipTests
  jar=$(ls target/consilium-*.jar | grep -v plain | head -1)
fi
if [ ! -f "$body" ]; then
  { printf '{"content":{"reason":"'; head -c "$((mb * 1024 * 1024))" /dev/zero | tr '\0' 'a'; printf '"}}'; } >"$body"
fi

rm -rf "$data" "$cookies"
CONSILIUM_DATA_DIR="$data" SERVER_PORT="$port" java -jar "$jar" >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
deadline=$(( $(date +%s) + 600 ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/login" || true)" = "200" ]; do
  if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$app" 2>/dev/null; then
    echo "The application did not start; see $log" >&2
    exit 1
  fi
  sleep 0.5
done

csrf() { curl -s -c "$cookies" -b "$cookies" "$base$1" | sed -n 's/.*name="_csrf" \(value\|content\)="\([^"]*\)".*/\2/p' | head -1; }
email="bodies-$RANDOM$RANDOM@bench.invalid"
password="a-long-bench-password-1"
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=$email" --data-urlencode "displayName=Bench Patient" \
  --data-urlencode "password=$password" --data-urlencode "preferredLanguage=en" --data-urlencode "_csrf=$(csrf /register)" "$base/register"
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$email" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$(csrf /login)" "$base/login"
token=$(csrf /cases)
if [ -z "$token" ]; then
  echo "Could not sign in; see $log" >&2
  exit 1
fi

rss() { awk -v k="$1" '$1 == k":" { printf "%d", $2 / 1024 }' "/proc/$app/status"; }
before=$(rss VmRSS)
echo "resident before: $before MB; sending $clients bodies of $mb MB at once"
codes=""
for i in $(seq "$clients"); do
  curl -s -o /dev/null -b "$cookies" -H "X-CSRF-TOKEN: $token" -H 'Content-Type: application/json' \
    -w "%{http_code} %{time_total}\n" --data-binary "@$body" "$base/api/cases" >"target/bodies-answer-$i" 2>/dev/null &
done
wait $(jobs -p | grep -v "^$app$") 2>/dev/null || true
for i in $(seq "$clients"); do
  read -r code took <"target/bodies-answer-$i" || { code=000; took=0; }
  echo "client $i: $code after $took s"
  codes="$codes $code"
done
peak=$(rss VmHWM)
after=$(rss VmRSS)
codes=$(echo "$codes" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ',' | sed 's/,$//')
echo "resident peak: $peak MB, after: $after MB"
printf '{"clients":%s,"body_mb":%s,"codes":"%s","rss_before_mb":%s,"rss_peak_mb":%s,"rss_after_mb":%s}\n' \
  "$clients" "$mb" "$codes" "$before" "$peak" "$after"
