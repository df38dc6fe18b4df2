import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /Discovered JSON records, 3 column\(s\), from 50 sampled record\(s\):/
assert log =~ /\n\[INFO\]\s+COLUMN\s+SQL TYPE\s+MAPPING\s+ROW 1\s+ROW 2/
assert log =~ /\n\[INFO\] 1\s+ID\s+TINYINT\s+\$\.ID\s+1\s+2/
assert log.contains('The discovered schema matches')
def columns = new JsonSlurper().parse(new File(basedir, 'target/discovered-schema.json'))
assert columns*.Name == ['ID', 'USERNAME', 'AMOUNT']
assert columns*.Mapping == ['$.ID', '$.USERNAME', '$.AMOUNT']
assert columns[2].SqlType == 'REAL'
