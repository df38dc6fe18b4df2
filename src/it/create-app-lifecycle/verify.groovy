def log = new File(basedir, 'build.log').text
assert log =~ /Created application fanout-demo \(arn:aws:kinesisanalytics:us-east-1:000000000000:application\/fanout-demo\), READY/
assert log.contains('Started application fanout-demo from NOW: RUNNING')
assert log.contains('Stopped application fanout-demo: READY')
assert log.contains('Application fanout-demo is up to date (version 1, READY)')
assert log.contains('Deleted application fanout-demo')
assert log.indexOf('Started application') < log.indexOf('Stopped application')
assert log.indexOf('Stopped application') < log.indexOf('Deleted application')
