def log = new File(basedir, 'build.log').text
assert log.contains('kinesis-fanout:put-records')
assert log.contains('User property: fanout.streamName')
assert log.contains('User property: fanout.partitionKey')
assert log.contains('User property: fanout.endpoint')
