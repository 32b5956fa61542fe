#!/usr/bin/env bash
# Startup to ready (/observe/health/ready = 200) and idle RSS of the shipped jar (java -jar
# target/paybridge.jar, -Xmx256m), with and without the image's AppCDS archive, against a warm
# Kafka broker and PostgreSQL ledger. See bench/startup/README.md.
# Usage: bench/startup/run.sh [runs per mode, default 3] [idle seconds before reading RSS, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
# package: the jar and target/lib/ as the image ships them (test classes compiled on the way).
mvn -q -o package -DskipTests
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.paybridge.bench.StartupBench "${1:-3}" "${2:-20}"
