def log = new File(basedir, 'build.log').text
assert log.contains('with GetRecords')
assert log =~ /Discovered JSON records, 3 column\(s\), from 50 sampled record\(s\):/
assert log.contains('The discovered schema matches')
def service = new File(basedir, 'target/discovered-schema.json').text
def sampled = new File(basedir, 'target/sampled-schema.json').text
assert service == sampled
