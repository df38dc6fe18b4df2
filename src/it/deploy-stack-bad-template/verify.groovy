def log = new File(basedir, 'build.log').text
assert log.contains('ValidationError: Template error: instance of Fn::GetAtt references undefined resource NegativeTransactions')
assert !log.contains('Stack fanout-it: CREATE_COMPLETE')
assert !new File(basedir, 'target/kinesis-fanout/stack-outputs.json').exists()
