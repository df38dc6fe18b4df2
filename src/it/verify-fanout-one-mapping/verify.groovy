import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] -Dfanout.verify.outputs is the old name of -Dfanout.outputs; use the new one')
assert log =~ /Created application one-mapping \(arn:aws:kinesisanalytics:us-east-1:000000000000:application\/one-mapping\), READY/
assert log.contains('Routing check passed')
// The plugin-level mapping reaches the goals that read it and no other: no goal warns about it.
assert !log.contains("Parameter 'outputs' is unknown")

def report = new JsonSlurper().parse(new File(basedir, 'target/kinesis-fanout/verify-fanout-report.json'))
assert report.passed == true
assert report.recordsPut == 200
// The mapping's outputs in order, then the one the old property added.
assert report.outputs*.name == ['POSITIVE_TRANSACTIONS', 'NEGATIVE_TRANSACTIONS', 'error_stream']
assert report.outputs*.streamName == ['PositiveTransactions',
                                  'arn:aws:kinesis:us-east-1:000000000000:stream/NegativeTransactions', 'Errors']
// Every record put is routed to exactly one of the two streams, none to error_stream.
assert report.outputs[0].arrived + report.outputs[1].arrived == 200
assert report.outputs[0].arrived > 0 && report.outputs[1].arrived > 0
assert report.outputs[2].arrived == 0
// One warning for the old property, naming the new one.
assert log.findAll(/fanout.verify.outputs\b[^\n]*deprecated|-Dfanout.verify.outputs is the old name/).size() == 1
