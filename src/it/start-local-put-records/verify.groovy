import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Local cloud listening on http://127.0.0.1:')
assert log =~ /Local cloud already running on http:\/\/127\.0\.0\.1:\d+\/?: reusing it/
assert log.contains('Creating stream Transactions with 2 shard(s)')
assert log =~ /Put 1000 records \(\d+ bytes\) to stream Transactions in [\d.]+ s: \d+ records\/s, 0 retries/
assert log =~ /Local cloud on http:\/\/127\.0\.0\.1:\d+\/? stopped/

def manifest = new File(basedir, 'target/kinesis-fanout/put-records-manifest.jsonl')
def lines = manifest.readLines()
assert lines.size() == 1000
def first = new JsonSlurper().parseText(lines[0])
assert new JsonSlurper().parseText(first.data).ID == 1
assert first.shardId.startsWith('shardId-')
assert first.sequenceNumber
assert first.putTimestamp > 0
assert lines.collect { new JsonSlurper().parseText(it).shardId }.toSet().size() == 2
