#!/usr/bin/env bash
# End-to-end batch throughput: paybridge (child JVM, -Xmx256m, PostgreSQL ledger) against a plain
# Java program doing the same HTTP and signing work (child JVM, same flags), both against the
# BluePay simulator, alternated A B A B ... (runs of each).
# Usage: bench/batch/run.sh [rows, default 1000000] [concurrency, default 8] [runs, default 3]
# JAVA_OPTS_CHILD adds JVM options to both children (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx6g -Dbench.child-jvm-options="${JAVA_OPTS_CHILD:-}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.paybridge.bench.BatchThroughputBench "${1:-1000000}" "${2:-8}" "${3:-3}"
