#!/bin/bash
# PutRecords and GetRecords throughput of the local cloud and of kinesis-mock (the npm package
# kinesis-local, kinesis-mock built for Node.js) in one run, with the same client and threads:
# KinesisBenchmark (SDK v2, CBOR, 500-record PutRecords, every record read back and checked) against
# the standalone jar and against kinesis-mock, alternately, ROUNDS times (default 2).
#
#   kinesis-fanout-local/src/test/bench/versus-kinesis-mock.sh [benchmark options]
#
# Run from the repository root after the two build steps server-cpu.sh names (the standalone jar and
# target/test-classpath.txt). kinesis-local 0.6.2 is installed with npm into
# kinesis-fanout-local/target/kinesis-mock the first time. Both servers bind 127.0.0.1 only
# (kinesis-mock through loopback.js, since it has no host setting). Defaults: 100-byte records,
# 1 thread, 4 shards, 10 s per run; extra arguments are passed on to both runs.
set -eu
module=kinesis-fanout-local
bench=$module/src/test/bench
jar=$(ls $module/target/$module-*-standalone.jar)
mock=$module/target/kinesis-mock
ours_port=${OURS_PORT:-4599}
mock_port=${MOCK_PORT:-4568}
rounds=${ROUNDS:-2}
if [ ! -f "$mock/node_modules/kinesis-local/main.js" ]; then
  mkdir -p "$mock"
  (cd "$mock" && npm install --no-save --silent kinesis-local@0.6.2)
fi
java -jar "$jar" --port "$ours_port" --status-delay-ms 0 > "$module/target/versus-ours.log" 2>&1 &
ours=$!
(cd "$mock/node_modules/kinesis-local" && KINESIS_MOCK_PLAIN_PORT=$mock_port KINESIS_MOCK_TLS_PORT=$((mock_port - 1)) \
  LOG_LEVEL=WARN exec node -r "$(cd "$OLDPWD" && pwd)/$bench/loopback.js" main.js) > "$module/target/versus-mock.log" 2>&1 &
mock_pid=$!
trap 'kill $ours $mock_pid 2>/dev/null || true' EXIT INT TERM
until grep -q "ready at" "$module/target/versus-ours.log"; do
  kill -0 $ours 2>/dev/null || { cat "$module/target/versus-ours.log"; exit 1; }
  sleep 0.2
done
until (exec 3<>/dev/tcp/127.0.0.1/$mock_port) 2>/dev/null; do
  kill -0 $mock_pid 2>/dev/null || { cat "$module/target/versus-mock.log"; exit 1; }
  sleep 0.2
done
run() {
  target=$1
  shift
  java -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/test-classpath.txt)" \
    io.github.kinesisfanout.local.bench.KinesisBenchmark --endpoint "http://127.0.0.1:$target" \
    --sizes 100 --threads 1 --seconds 10 --shards 4 "$@"
}
i=1
while [ $i -le "$rounds" ]; do
  echo "== round $i: local cloud"
  run $ours_port "$@" 2>/dev/null | grep -vE '^SLF4J'
  echo "== round $i: kinesis-mock"
  run $mock_port "$@" 2>/dev/null | grep -vE '^SLF4J'
  i=$((i + 1))
done
