#!/usr/bin/env bash
# End-to-end webhooks: signed BluePay webhooks -> verify -> ledger -> events topic, paybridge against
# a plain-Java twin (same classes, same PostgreSQL, same broker), alternating A B A B.
# See bench/webhooks/README.md.
# Usage: bench/webhooks/run.sh [webhooks per closed round, default 4000] [rounds each, default 3]
#                              [senders, default 16] [open-loop seconds, default 10]
# BENCH_JVM_OPTS adds JVM flags to both contenders ({name} and {work} are replaced), e.g.
#   BENCH_JVM_OPTS='-XX:StartFlightRecording=filename={work}/{name}.jfr,settings=profile' bench/webhooks/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.paybridge.bench.WebhookBench "$@"
