#!/usr/bin/env bash
# JMH micro-benchmarks: every webhook verifier, the shared HMAC signer, the canonical mappers and
# JSON reading/writing, each next to a plain-JDK/Jackson twin (src/test/java/io/paybridge/bench/jmh).
# Usage: bench/jmh/run.sh [regex, default: all]  [extra JMH options, e.g. -prof gc]
# Settings are short on purpose (one fork, 3 × 1 s warm-up, 5 × 1 s measurement); for steadier
# figures replace them: JMH_SETTINGS='-f 3 -wi 5 -i 10' bench/jmh/run.sh Hmac
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/jmh
regex="${1:-io.paybridge.bench.jmh}"
shift || true
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  ${JMH_SETTINGS:--f 1 -wi 3 -i 5 -w 1s -r 1s} -rf json -rff target/jmh/result.json "$@" "$regex"
