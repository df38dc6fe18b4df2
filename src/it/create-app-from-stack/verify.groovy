def log = new File(basedir, 'build.log').text
assert log =~ /Created application fanout-stack \(arn:aws:kinesisanalytics:us-east-1:000000000000:application\/fanout-stack\), READY/
assert log.contains('Started application fanout-stack from TRIM_HORIZON: RUNNING')
assert log =~ /Put 200 records \(\d+ bytes\) to stream arn:aws:kinesis:us-east-1:000000000000:stream\/Transactions/
assert log.contains('Stopped application fanout-stack: READY')
assert log.contains('Deleted application fanout-stack')
def outputs = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/kinesis-fanout/stack-outputs.json'))
assert outputs.Outputs.ApplicationRoleArn.startsWith('arn:aws:iam::000000000000:role/')
