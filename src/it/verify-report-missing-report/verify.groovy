def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] Failed to execute goal .*:verify-report \(default-cli\) on project verify-report-missing-report: No routing report at .*verify-fanout-report.json: verify-fanout did not run in this build/
