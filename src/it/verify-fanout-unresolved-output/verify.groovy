def log = new File(basedir, 'build.log').text
assert log.contains("<output> number 1 of <outputs> needs a <name> (the in-application stream, e.g. POSITIVE_TRANSACTIONS) and a <stream>")
assert log.contains('a ${fanout.output.*} property is empty until deploy-stack has run in the same build')
