#!/usr/bin/env bash
# End-to-end batch throughput: paybridge (child JVM, -Xmx256m, PostgreSQL ledger) against a plain
# Java program doing the same HTTP and signing work, both against the BluePay simulator.
# Usage: bench/batch/run.sh [rows, default 1000000] [concurrency, default 8]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.paybridge.bench.BatchThroughputBench "${1:-1000000}" "${2:-8}"
