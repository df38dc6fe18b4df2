def log = new File(basedir, 'build.log').text
assert log.contains('Skipping put-records: fanout.skip is true')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/kinesis-fanout').exists()
