#!/bin/sh
# The local cloud's CPU time per Kinesis record: the standalone jar in its own JVM, KinesisBenchmark in
# another one writing 100-byte records in 500-record PutRecords and reading them all back with GetRecords
# (SDK v2, CBOR), the server's utime + stime read from /proc/PID/stat around each run.
#
#   kinesis-fanout-local/src/test/bench/server-cpu.sh [benchmark options]
#
# Run from the repository root after
#   ./mvnw -o -B -q -pl kinesis-fanout-local -am package -DskipTests   (the standalone jar)
#   ./mvnw -o -B -q -pl kinesis-fanout-local -am test-compile dependency:build-classpath \
#       -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
# Defaults: 200,000 records per run, 1 thread, 4 shards, 3 warm-up runs (a fresh server compiles its code
# meanwhile: the first one shows the cold cost), then 7 runs and their median. SERVER_JAVA_OPTS
# adds JVM options to the server (e.g. a JFR recording), PORT picks its port (default 4599).
set -eu
module=kinesis-fanout-local
jar=$(ls $module/target/$module-*-standalone.jar)
port=${PORT:-4599}
java ${SERVER_JAVA_OPTS:-} -jar "$jar" --port "$port" --status-delay-ms 0 > "$module/target/server-cpu-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
until grep -q "ready at" "$module/target/server-cpu-server.log"; do
  kill -0 $server 2>/dev/null || { cat "$module/target/server-cpu-server.log"; exit 1; }
  sleep 0.2
done
java -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/test-classpath.txt)" \
  io.github.kinesisfanout.local.bench.KinesisBenchmark --endpoint "http://127.0.0.1:$port" --server-pid "$server" \
  --sizes 100 --threads 1 --records 200000 --warmup-runs 3 --repeat 7 --shards 4 "$@"
