#!/usr/bin/env bash
# Times the phenotype form's HPO term search over every distinct 3-letter word prefix of the phenotypic-abnormality
# labels and prints one JSON line (median and p95 in ms). Usage: bench/hpo-search.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx1g -Dconsilium.shared-data="$(pwd)/../shared/data" \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.ddx.HpoSearchBenchmark "$@"
