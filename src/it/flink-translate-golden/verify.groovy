def log = new File(basedir, 'build.log').text
def script = new File(basedir, 'target/kinesis-fanout/flink/application.sql')

// The golden script: a Kinesis source, one sink per output, the input view, one INSERT per pump
// (the pumps start on lines 15 and 21 of the SQL file), placeholders for everything environmental.
assert script.getText('UTF-8') == new File(basedir, 'expected-application.sql').getText('UTF-8')

assert log.contains('Translated ') && log.contains('to Flink SQL (KINESIS_4, ROWTIME PROCESSING_TIME)')
def table = log.readLines().findAll { it.contains(' | ') }
assert table[0] =~ /KDA\s+\| KDA construct\s+\| Flink construct\s+\| Difference/
assert table.size() > 2
// The pumps' names begin at column 24 of lines 15 and 21 (after 'CREATE OR REPLACE PUMP '), the
// output streams' at column 26 of lines 5 and 10 (after 'CREATE OR REPLACE STREAM ').
assert table.any { it =~ /15:24\s+\| pump POSITIVE_PUMP\s+\| INSERT INTO \(one statement set\)\s+\| -$/ }
assert table.any { it =~ /21:24\s+\| pump NEGATIVE_PUMP\s+\| INSERT INTO \(one statement set\)\s+\| -$/ }
assert table.any { it =~ /5:26\s+\| output POSITIVE_TRANSACTIONS \(JSON\)\s+\|.*\| at-least-once/ }
assert table.any { it =~ /10:26\s+\| output NEGATIVE_TRANSACTIONS \(JSON\)\s+\|.*\| at-least-once/ }
assert table.any { it =~ /-\s+\| ROWTIME\s+\| PROCTIME\(\)\s+\| processing time is not replayable/ }
