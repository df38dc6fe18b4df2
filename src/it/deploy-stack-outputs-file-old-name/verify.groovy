import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] -Dfanout.outputsFile is the old name of -Dfanout.stackOutputsFile')
def old = new File(basedir, 'target/old/outputs.json')
assert log.contains('Stack outputs written to ' + old.path)
assert !new File(basedir, 'target/kinesis-fanout/stack-outputs.json').exists()
assert new JsonSlurper().parse(old).StackName == 'fanout-it'
