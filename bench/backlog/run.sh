#!/usr/bin/env bash
# ERP backlog: N canonical commands already on the requests topic -> BluePay simulator -> events topic,
# paybridge against a plain-Java twin (same classes, same PostgreSQL, same broker), alternating A B A B.
# See bench/backlog/README.md.
# Usage: bench/backlog/run.sh [commands per round, default 20000] [rounds each, default 3]
# BENCH_JVM_OPTS adds JVM flags to both contenders ({name} and {work} are replaced), e.g.
#   BENCH_JVM_OPTS='-XX:StartFlightRecording=filename={work}/{name}.jfr,settings=profile' bench/backlog/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.paybridge.bench.BacklogBench "$@"
