def log = new File(basedir, 'build.log').text
assert log.contains('cannot be translated to Flink SQL')
// SUBSTRING begins on line 3 at column 27 of the SQL file: two spaces, then "SELECT STREAM USERNAME, ".
assert log =~ /line 3, column 27: SUBSTRING\(s SIMILAR pattern ESCAPE e\) has no Flink SQL equivalent: [^\n]*SUBSTRING\(s FROM regex\)/
assert !new File(basedir, 'target/kinesis-fanout/flink/application.sql').exists()
