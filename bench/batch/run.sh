#!/usr/bin/env bash
# End-to-end batch throughput: paybridge (child JVM, -Xmx256m, PostgreSQL ledger) against a plain
# Java twin doing the same per-row work by hand with the project's classes, ledger included (child
# JVM, same flags), both against the BluePay simulator, alternated A B A B ... (runs of each).
# Usage: bench/batch/run.sh [rows, default 1000000] [concurrency, default 8] [runs, default 3]
# JAVA_OPTS_CHILD adds JVM options to every child (e.g. a JFR recording).
# BENCH_BARE=1 adds the bare twin (no ledger, no validation, no events) as a third contender: A B C ...
# BENCH_ONLY=twin|paybridge|bare runs one contender alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# Only set when asked, so -Dbench.only given through JAVA_TOOL_OPTIONS (as docs/batch.md shows) still works.
props=()
[ "${BENCH_BARE:-}" = 1 ] && props+=(-Dbench.bare=true)
[ -n "${BENCH_ONLY:-}" ] && props+=(-Dbench.only="$BENCH_ONLY")
exec java -Xmx6g -Dbench.child-jvm-options="${JAVA_OPTS_CHILD:-}" ${props[@]+"${props[@]}"} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.paybridge.bench.BatchThroughputBench "${1:-1000000}" "${2:-8}" "${3:-3}"
