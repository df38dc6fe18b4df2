def log = new File(basedir, 'build.log').text
assert log =~ /Stream 'NoSuchStream' not found at http:\/\/127\.0\.0\.1:\d+/
assert log.contains('ResourceNotFoundException')
assert log.contains('-Dfanout.createStream=true')
// The failed build never reached stop-local: the end of the session stopped the cloud.
assert log =~ /Local cloud on http:\/\/127\.0\.0\.1:\d+\/? stopped at the end of the build/
assert !new File(basedir, 'target/kinesis-fanout/put-records-manifest.jsonl').exists()
