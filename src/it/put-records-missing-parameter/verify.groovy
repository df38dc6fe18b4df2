def log = new File(basedir, 'build.log').text
assert log.contains('<streamName> is not set: add it to the plugin configuration or pass -Dfanout.streamName=NAME')
assert log =~ /\[ERROR\] Failed to execute goal .*:put-records \(default-cli\) on project put-records-missing-parameter: <streamName> is not set/
