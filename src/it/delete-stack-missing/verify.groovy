def log = new File(basedir, 'build.log').text
assert log.contains('Stack fanout-it does not exist: nothing to delete')
assert log.contains('BUILD SUCCESS')
