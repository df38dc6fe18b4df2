def log = new File(basedir, 'build.log').text
assert log =~ /Uploaded application\.jar to s3:\/\/kinesis-fanout-artifacts-(000000000000-)?us-east-1\/kinesis-fanout\/application-[0-9a-f]{64}\.jar/
assert log =~ /Created Managed Flink application fanout-demo \(arn:aws:kinesisanalytics:us-east-1:000000000000:application\/fanout-demo\), version 1, READY/
assert log =~ /Application fanout-demo was READY: Started Managed Flink application fanout-demo without a snapshot \(it has none yet\): RUNNING after [0-9.]+ s/
assert log =~ /Application fanout-demo was RUNNING: Stopped Managed Flink application fanout-demo with snapshot fanout-demo-[0-9]+: READY after [0-9.]+ s/
assert log =~ /Managed Flink application fanout-demo is up to date \(version 1, jar kinesis-fanout\/application-[0-9a-f]{64}\.jar, READY\): nothing to do/
assert log.contains('Updated Managed Flink application fanout-demo to version 2: checkpointing (CUSTOM, every 30000 ms) (READY)')
assert log.contains('Deleted Managed Flink application fanout-demo (was READY)')
assert log.indexOf('Started Managed Flink') < log.indexOf('Stopped Managed Flink')
assert log.indexOf('Stopped Managed Flink') < log.indexOf('Deleted Managed Flink')
