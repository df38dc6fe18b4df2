def log = new File(basedir, 'build.log').text
assert log =~ /Stream 'NoSuchStream' not found at http:\/\/127\.0\.0\.1:\d+/
assert log.contains('ResourceNotFoundException')
assert log.contains('-Dfanout.createStream=true')
assert !new File(basedir, 'target/kinesis-fanout/put-records-manifest.jsonl').exists()
