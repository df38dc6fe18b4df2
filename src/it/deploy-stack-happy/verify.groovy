import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Creating stack fanout-it')
assert log.contains('  Transactions AWS::Kinesis::Stream CREATE_COMPLETE')
assert log.contains('Stack fanout-it: CREATE_COMPLETE')
assert log.contains('fanout.output.InputStreamArn = arn:aws:kinesis:us-east-1:000000000000:stream/CliTransactions')
assert log.contains('Stack fanout-it: DELETE_COMPLETE')

def outputs = new JsonSlurper().parse(new File(basedir, 'target/kinesis-fanout/stack-outputs.json'))
assert outputs.StackName == 'fanout-it'
assert outputs.StackStatus == 'CREATE_COMPLETE'
assert outputs.Outputs.PositiveStreamArn == 'arn:aws:kinesis:us-east-1:000000000000:stream/CliPositiveTransactions'
