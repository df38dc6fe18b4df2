def log = new File(basedir, 'build.log').text
assert log.contains('does not compile')
// The unknown column AMOUNTT is on line 3, column 31 of the SQL file.
assert log =~ /line 3, column 31: [^\n]*AMOUNTT/
assert !log.contains('Creating application')
