def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] Failed to execute goal .*:verify-fanout \(default-cli\) on project verify-fanout-missing-manifest: The put-records manifest .*no-such-manifest.jsonl does not exist: run put-records first, or point -Dfanout.manifest=FILE at the manifest it wrote/
