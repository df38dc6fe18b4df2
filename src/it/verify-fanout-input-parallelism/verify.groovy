import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Routing check passed')

// What each output should hold, worked out from the manifest: shard 0 feeds SOURCE_SQL_STREAM_001 (all of
// it to FROM_ONE), shard 1 feeds SOURCE_SQL_STREAM_002 (its non-negative amounts to FROM_TWO).
def slurper = new JsonSlurper()
def put = new File(basedir, 'target/kinesis-fanout/put-records-manifest.jsonl').readLines().findAll { it.trim() }
        .collect { slurper.parseText(it) }
assert put.size() == 200
def onShard0 = put.findAll { it.shardId == 'shardId-000000000000' }
def onShard1 = put.findAll { it.shardId == 'shardId-000000000001' }
assert onShard0.size() + onShard1.size() == 200
assert onShard0.size() > 0 && onShard1.size() > 0
def positiveOnShard1 = onShard1.count { new BigDecimal(slurper.parseText(it.data).AMOUNT.toString()) >= 0 }
assert positiveOnShard1 < onShard1.size()

assert log.contains("Expecting from 200 records (input parallelism 2, by shard: SOURCE_SQL_STREAM_001 ${onShard0.size()},"
        + " SOURCE_SQL_STREAM_002 ${onShard1.size()}): FROM_ONE ${onShard0.size()}, FROM_TWO ${positiveOnShard1}")

def report = slurper.parse(new File(basedir, 'target/kinesis-fanout/verify-fanout-report.json'))
assert report.passed == true
assert report.recordsPut == 200
assert report.outputs*.name == ['FROM_ONE', 'FROM_TWO']
assert report.outputs*.expected == [onShard0.size(), positiveOnShard1]
assert report.outputs*.matched == [onShard0.size(), positiveOnShard1]
assert report.outputs.every { it.missing == 0 && it.unexpected == 0 }
