#!/usr/bin/env bash
# Startup to ready (/observe/health/ready = 200) and idle RSS of paybridge in a child JVM
# (-Xmx256m) with a warm Kafka broker and PostgreSQL ledger. See bench/startup/README.md.
# Usage: bench/startup/run.sh [runs, default 3] [idle seconds before reading RSS, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.paybridge.bench.StartupBench "${1:-3}" "${2:-20}"
