def log = new File(basedir, 'build.log').text
def script = new File(basedir, 'target/kinesis-fanout/flink/application.sql')

// The golden script: a Kinesis source, one sink per output, the input view, one INSERT per pump
// (the pumps start on lines 15 and 21 of the SQL file), placeholders for everything environmental.
assert script.getText('UTF-8') == new File(basedir, 'expected-application.sql').getText('UTF-8')

assert log.contains('Translated ') && log.contains('to Flink SQL (KINESIS_4, ROWTIME PROCESSING_TIME)')
def table = log.readLines().findAll { it.contains(' | ') }
assert table[0] =~ /KDA\s+\| KDA construct\s+\| Flink construct\s+\| Difference/
assert table.size() > 2
