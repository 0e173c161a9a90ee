#!/usr/bin/env bash
# Fuzzes one Jazzer target for some minutes (JAZZER_FUZZ=1), then prints what it found:
#   bench/fuzz.sh <target> [minutes]      e.g. bench/fuzz.sh unsafeContent 5
#   bench/fuzz.sh all [minutes]           every target in turn, [minutes] each
# Targets (class#method): fileNames, zipInspection, dicomHeader (records.vault.VaultFuzzTests), bundleRules,
# unsafeContent (records.fhirimport.FhirRulesFuzzTests), phenopackets (phenotype.PhenopacketFuzzTests).
# New coverage-increasing inputs go to .cifuzz-corpus/<class>/<method>/ (not committed); a finding is written as a
# crash file into the target's seed folder under src/test/resources/..., where the regression run (./mvnw verify)
# replays it until it is fixed. Without JAZZER_FUZZ the same tests only replay their seeds.
set -uo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: bench/fuzz.sh <target>|all [minutes]}"
minutes="${2:-1}"
declare -A class=(
  [fileNames]=org.consilium.records.vault.VaultFuzzTests
  [zipInspection]=org.consilium.records.vault.VaultFuzzTests
  [dicomHeader]=org.consilium.records.vault.VaultFuzzTests
  [bundleRules]=org.consilium.records.fhirimport.FhirRulesFuzzTests
  [unsafeContent]=org.consilium.records.fhirimport.FhirRulesFuzzTests
  [phenopackets]=org.consilium.phenotype.PhenopacketFuzzTests
)
if [[ "$target" == all ]]; then
  for t in fileNames zipInspection dicomHeader bundleRules unsafeContent phenopackets; do "$0" "$t" "$minutes"; done
  exit 0
fi
[[ -n "${class[$target]:-}" ]] || { echo "unknown target $target (one of: ${!class[*]})" >&2; exit 2; }
log="target/fuzz-$target.log"
mkdir -p target
echo "fuzzing ${class[$target]}#$target for $minutes min (log: $log)"
# Jazzer's JUnit integration stops only at @FuzzTest's maxDuration (60m here), so the run is ended after $minutes with
# SIGINT to the forked test JVM: libFuzzer prints its last figures ("run interrupted") and keeps what it found.
# Instrumented for coverage: our classes and the libraries the targets hand the bytes to.
JAZZER_FUZZ=1 JAVA_TOOL_OPTIONS="-Djazzer.instrument=org.consilium.**,com.google.protobuf.**,org.apache.commons.compress.**,com.fasterxml.jackson.**" \
  ./mvnw -o -B test-compile surefire:test@fuzz-regression -Dtest="${class[$target]}#$target" -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1 &
maven=$!
descendants() { local c; for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
# the minutes count from libFuzzer's first status line, after the build, the JVM start and the instrumentation
while kill -0 "$maven" 2>/dev/null && ! grep -q '^#[0-9]' "$log"; do sleep 2; done
end=$((SECONDS + minutes * 60))
while kill -0 "$maven" 2>/dev/null && (( SECONDS < end )); do sleep 2; done
if kill -0 "$maven" 2>/dev/null; then
  for pid in $(descendants "$maven"); do
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q '^[^ ]*java .*surefirebooter'; then kill -INT "$pid"; fi
  done
fi
wait "$maven"
rc=$?
runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1)
finding=$(grep -cE 'FuzzTestFindingException|== Java Exception' "$log")
echo "target=$target minutes=$minutes executions=${runs:-?} ${cov:-cov: ?} ${corpus:-corp: ?} findings=$finding"
grep -E '== Java Exception|DEDUP_TOKEN|Test unit written|crash-[0-9a-f]+' "$log" | head -20 || true
[[ "$finding" == 0 ]]
