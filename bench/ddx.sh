#!/usr/bin/env bash
# Ranks every phenopacket in ../shared/data/phenopackets against the HPO annotations and prints per-cohort
# accuracy, the tuning/held-out split, the same for the plain Resnik baseline, and as its last line one JSON object:
# {"cases":N,"unrankable":N,"ranked":N,"full":{"top1":X,"top3":X,"top10":X,"mrr":X},"lpo":{...},
#  "resnik":{"full":{...},"lpo":{...}},"calibration_lpo_held_out":{...},"median_ms":X,"load_s":X,"heap_mb":X}
# `tune` cross-validates the settings over the tuning cohorts (CrossValidatedTuning), `recommend` simulates the
# "what to check next" questions (RecommenderSimulation); each ends with its own JSON line.
# Usage: bench/ddx.sh [tune|recommend] [--annotations FILE] [--cases DIR] [--per-cohort N] [--sample N] [--folds N]
#        [--seed N] [--losses COHORT,...] [--no-orphanet]
#   e.g. bench/ddx.sh --annotations ../shared/data/hpo/phenotype.v2023-01-27.hpoa.gz   (low-leakage control)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx1g -XX:ActiveProcessorCount=1 -Dconsilium.shared-data="$(pwd)/../shared/data" \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.ddx.DdxBenchmark "$@"
