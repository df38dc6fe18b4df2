import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// verify-fanout reports without failing; the teardown runs; then verify-report fails the build.
def warned = log.indexOf('[WARNING] Routing check failed: put 200 records -> POSITIVE_TRANSACTIONS ')
def deletedApp = log.indexOf('Deleted application misrouted')
def deletedStack = log.indexOf('Deleting stack misrouted')
def failed = log.indexOf('[ERROR] Failed to execute goal')
assert warned >= 0
assert deletedApp > warned
assert deletedStack > deletedApp
assert failed > deletedStack
assert log =~ /Failed to execute goal .*:verify-report \(verify-report\) on project verify-fanout-misrouted: Routing check failed: put 200 records/
assert log.contains('expected rows did not arrive, first: {"ID":')
assert log.contains('rows arrived that the SQL does not route there, first: {"ID":')

def report = new JsonSlurper().parse(new File(basedir, 'target/kinesis-fanout/verify-fanout-report.json'))
assert report.passed == false
assert report.recordsPut == 200
assert report.outputs*.name == ['POSITIVE_TRANSACTIONS', 'NEGATIVE_TRANSACTIONS']
assert report.outputs.every { it.missing > 0 || it.unexpected > 0 }
// Every record put arrived somewhere: what one output misses, the other has extra.
assert report.outputs.sum { it.arrived } == 200
