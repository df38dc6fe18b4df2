def log = new File(basedir, 'build.log').text
assert log.contains('No local cloud is running in this build: nothing to stop')
assert log.contains('BUILD SUCCESS')
