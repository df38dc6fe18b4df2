import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Stack fanout-it: CREATE_COMPLETE')
def custom = new File(basedir, 'target/custom/outputs.json')
assert log.contains('Stack outputs written to ' + custom.path)
assert !new File(basedir, 'target/kinesis-fanout/stack-outputs.json').exists()
def outputs = new JsonSlurper().parse(custom)
assert outputs.StackName == 'fanout-it'
assert outputs.Outputs.PositiveStreamArn == 'arn:aws:kinesis:us-east-1:000000000000:stream/ItPositiveTransactions'
assert !log.contains('old name of -Dfanout.stackOutputsFile')
