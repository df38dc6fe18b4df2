def log = new File(basedir, 'build.log').text
assert log.contains('Managed Flink application never-created does not exist: nothing to delete')
assert log.contains('BUILD SUCCESS')
