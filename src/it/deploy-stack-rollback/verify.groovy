def log = new File(basedir, 'build.log').text
assert log.contains('  Transactions AWS::Kinesis::Stream CREATE_COMPLETE')
assert log.contains('  Queue AWS::SQS::Queue CREATE_FAILED: Resource type AWS::SQS::Queue is not supported by the local cloud')
assert log.contains('  Transactions AWS::Kinesis::Stream DELETE_COMPLETE')
assert log.contains('Stack fanout-it failed (ROLLBACK_COMPLETE): Queue AWS::SQS::Queue CREATE_FAILED: Resource type AWS::SQS::Queue is not supported by the local cloud')
