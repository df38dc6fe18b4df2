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

// The same report as a self-contained HTML page beside the JSON, its path at the end of the summary line.
assert log =~ /\[INFO\] put 200 records -> POSITIVE_TRANSACTIONS [^\n]*; report: target\/kinesis-fanout\/verify-fanout-report\.html\r?\n/
def html = new File(basedir, 'target/kinesis-fanout/verify-fanout-report.html').text
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('<h1>Routing check <span class="verdict failed">failed</span></h1>')
assert html.contains('<td id="recordsPut">200</td>')
assert !(html =~ /<script|<link|url\(|https?:/)
report.outputs.each { o ->
    def row = (html =~ /<tr><th scope="row">${o.name}<\/th><td class="stream">${o.streamName}<\/td>(.*?)<\/tr>/)
    assert row.find(): "no row for ${o.name}"
    def cells = row.group(1)
    ['expected', 'arrived', 'matched', 'missing', 'unexpected', 'duplicated', 'p50Millis', 'p99Millis'].each { count ->
        def kind = count.replace('Millis', '')
        def shown = (cells =~ /<td class="${kind}">(?:<strong>)?([^<]*)(?:<\/strong>)?<\/td>/)
        assert shown.find() && shown.group(1) == (o[count] == null ? '\u2013' : String.valueOf(o[count])): "${o.name} ${kind}: ${cells}"
    }
}
assert html.contains('<svg id="histogram"')
