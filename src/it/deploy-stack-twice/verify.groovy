def log = new File(basedir, 'build.log').text
assert log.contains('Stack fanout-it: CREATE_COMPLETE')
assert log.contains('Stack fanout-it is up to date: No updates are to be performed.')
assert log.count('Creating stack fanout-it') == 1
