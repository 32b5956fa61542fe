#!/usr/bin/env bash
# Writes paybridge's AppCDS archive (a JDK 17 dynamic archive): runs the bundle once with
# -XX:ArchiveClassesAtExit until it serves readiness, stops it with SIGTERM (Camel shuts down
# cleanly) and the JVM writes the classes it loaded into the archive as it exits. A JVM started
# later with -XX:SharedArchiveFile maps those classes instead of loading and verifying each one.
#
#   cds-archive.sh <paybridge.jar> <archive.jsa> [more java flags for the training run]
#
# Neither Kafka nor PostgreSQL need be reachable (an image build has neither): unless the
# environment says otherwise the training run keeps its ledger in an in-memory H2 database and its
# batch folders and temporary files in a scratch folder, and a Kafka consumer that cannot connect
# only retries. Readiness then stays 503; the run counts as trained once readiness has answered for
# CDS_SETTLE_SECONDS (default 5), or at once when it answers 200. Classes the training run did not
# load (the PostgreSQL driver, Kafka's fetch path...) come from the jars as usual at run time.
# Set PAYBRIDGE_* variables (brokers, ledger URL) to train against real services instead.
#
# The archive is only used by the same JVM build with the jar at the same absolute path (and the
# same lib/ jars beside it): build it where it will run. A stale or foreign archive is not an error
# under -Xshare:auto; it only costs the speed it would have brought.
set -euo pipefail

jar=$(readlink -f "${1:?usage: cds-archive.sh <paybridge.jar> <archive.jsa> [java flags]}")
archive=$(readlink -f "${2:?usage: cds-archive.sh <paybridge.jar> <archive.jsa> [java flags]}")
shift 2
settle=${CDS_SETTLE_SECONDS:-5}
timeout=${CDS_TIMEOUT_SECONDS:-180}
port=${PAYBRIDGE_MANAGEMENT_PORT:-9876}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -f "$archive"

export PAYBRIDGE_HTTP_HOST=${PAYBRIDGE_HTTP_HOST:-127.0.0.1}
export PAYBRIDGE_MANAGEMENT_PORT=$port
export PAYBRIDGE_LEDGER_URL=${PAYBRIDGE_LEDGER_URL:-jdbc:h2:mem:cds-training;DB_CLOSE_DELAY=-1}
export PAYBRIDGE_BATCH_INBOX=${PAYBRIDGE_BATCH_INBOX:-$scratch/inbox}
export PAYBRIDGE_BATCH_OUTBOX=${PAYBRIDGE_BATCH_OUTBOX:-$scratch/outbox}
# BluePay is on by default and refuses to start without its secret; the training run calls no
# provider, so a placeholder lets it load BluePay's classes like a configured bundle does.
export BLUEPAY_API_SECRET=${BLUEPAY_API_SECRET:-cds-training-placeholder}

# HTTP status of GET $1 on the management port, or nothing while it does not answer. Plain bash:
# the runtime image has neither curl nor wget.
status_of() {
    local line=
    { printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3 && IFS= read -r -t 5 line <&3; } \
        2>/dev/null 3<>"/dev/tcp/127.0.0.1/$port" || true
    line=${line#* }
    echo "${line%% *}"
}

cd "$scratch"
# -Xlog:cds=error: the dump lists every class it skips (JFR events, unlinked classes) as a warning.
java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=error -Djava.io.tmpdir="$scratch" "$@" -jar "$jar" &
pid=$!

started=$SECONDS
answered=
while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" || true
        echo "cds-archive: paybridge exited before it was ready; no archive written" >&2
        exit 1
    fi
    status=$(status_of /observe/health/ready)
    if [ "$status" = 200 ]; then
        echo "cds-archive: ready after $((SECONDS - started)) s"
        break
    fi
    if [ -n "$status" ] && [ -z "$answered" ]; then
        answered=$SECONDS
    fi
    if [ -n "$answered" ] && [ $((SECONDS - answered)) -ge "$settle" ]; then
        echo "cds-archive: started (readiness $status: dependencies unreachable) after $((SECONDS - started)) s"
        break
    fi
    if [ $((SECONDS - started)) -ge "$timeout" ]; then
        echo "cds-archive: not started within $timeout s; no archive written" >&2
        kill -KILL "$pid" 2>/dev/null || true
        exit 1
    fi
    sleep 0.2
done

# SIGTERM runs Camel's graceful shutdown; the archive is written as the JVM exits (143 = by SIGTERM).
kill -TERM "$pid"
code=0
wait "$pid" || code=$?
if [ ! -s "$archive" ]; then
    echo "cds-archive: paybridge exited with $code and wrote no archive" >&2
    exit 1
fi
echo "cds-archive: wrote $archive ($(du -k "$archive" | cut -f1) KiB)"
