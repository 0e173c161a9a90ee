#!/usr/bin/env bash
# Ranks every phenopacket in ../shared/data/phenopackets against the HPO annotations and prints accuracy
# (held-out and tuning cohorts, with and without leave-publication-out), timing, load time and heap.
# Usage: bench/ddx.sh [all|tune] [hpoa file] [max cases per cohort]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx1g -Dconsilium.shared-data="$(pwd)/../shared/data" \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.ddx.DdxBenchmark "$@"
