#!/usr/bin/env bash
# Imports every Bundle in ../shared/data/fhir/synthea-smart-r4-2019 (or the folder given) into a fresh embedded
# PostgreSQL through RecordsManagement, the records page's path, after one warm-up; prints per-phase figures and, last,
# {"bundles":N,"failed":N,"median_ms":X,"p95_ms":X,"mb_per_s":X,"median_ms_without_validation":X,"median_ms_validator_alone":X,"peak_rss_mb":X}
# Usage: bench/import.sh [all [folder]]   or   bench/import.sh large   (a ~25 MB, <=10,000-entry Bundle in a 1.5 GB heap)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx1536m -Dconsilium.shared-data="$(pwd)/../shared/data" \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.records.fhirimport.RecordsImportBenchmark "${@:-all}"
