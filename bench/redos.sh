#!/usr/bin/env bash
# CPU time of the FHIR import's unsafe-content check on one Condition text holding an HTML tag left open, old pattern
# (up to 40 kB) against the scanner (up to 16 MB). Usage: bench/redos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.records.fhirimport.UnsafeContentBenchmark
