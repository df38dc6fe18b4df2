def log = new File(basedir, 'build.log').text
def jobLog = new File(basedir, 'target/kinesis-fanout/flink/job.log')

assert log.contains('Flink job starting on a MiniCluster')
// The goal's failure is the job's one-line root cause (the stream the source cannot find) and the log's path.
def failure = log.readLines().find { it.contains('The Flink job failed: ') }
assert failure != null
assert failure.contains('NoSuchStream')
assert failure.contains('(log: ' + jobLog.canonicalPath + ')')
assert jobLog.isFile()
// A root cause, not a Flink stack trace.
assert !log.readLines().any { it.startsWith('\tat org.apache.flink') }

// Nothing left running: no JVM of this scenario's job (its command line names the jar under basedir).
def jar = new File(basedir, 'target/kinesis-fanout/flink/application.jar').canonicalPath
def processes = ['ps', '-eo', 'args'].execute().text
assert !processes.readLines().any { it.contains(jar) }
