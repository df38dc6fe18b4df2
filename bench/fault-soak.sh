#!/usr/bin/env bash
# The fault soak: the sample pipeline at about 2,000 records/s on the standalone local cloud with a
# data directory, with PutRecords entry failures at 5%, per-shard throughput limits on, 1% of the
# consumer Lambda invocations failing, one stop/start of the SQL application from LAST_STOPPED_POINT
# and one kill -9 and restart of the cloud mid-stream. Reports records put, rows per output, lines
# per consumer, missing (the script exits 1 unless it is 0) and duplicates with their cause; the
# report is also written to kinesis-fanout-local/target/fault-soak/report.txt.
#
#   bench/fault-soak.sh                    # 300 s
#   bench/fault-soak.sh --duration 60      # any FaultSoak option: --rate, --seed, --cloud-heap, --port, ...
#
# Extra Maven options (e.g. -o for offline) go in MAVEN_ARGS. Not part of the default build or test run.
set -euo pipefail
cd "$(dirname "$0")/.."
# The consumer Lambdas' deployment package, which the soak uploads as deploy-stack would.
./mvnw -B -q -pl sample-project package -DskipTests
# The standalone jar (the cloud the soak runs as a child process), the soak's own classes, and
# their test classpath (the AWS SDK clients).
./mvnw -B -q -pl kinesis-fanout-local -am package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/soak-classpath.txt
local=kinesis-fanout-local
jar=$(ls "$local"/target/kinesis-fanout-local-*-standalone.jar | head -n 1)
classpath="$local/target/test-classes:$local/target/classes:$(cat "$local/target/soak-classpath.txt")"
if [ $# -eq 0 ]; then
    set -- --duration 300
fi
java -cp "$classpath" io.github.kinesisfanout.local.bench.soak.FaultSoak --jar "$jar" \
    --sample-dir sample-project --work-dir "$local/target/fault-soak" "$@"
