def log = new File(basedir, 'build.log').text
assert log.contains('Stack fanout-it: CREATE_COMPLETE')
assert log.contains('Preview of stack fanout-it (nothing is executed):')
assert log =~ /Action +LogicalResourceId +ResourceType +Replacement +Properties/
assert log =~ /Modify +PositiveTransactions +AWS::Kinesis::Stream +False +ShardCount/
assert !log.contains('Updating stack fanout-it')
