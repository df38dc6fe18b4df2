import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/kinesis-fanout/flink')
def jarFile = new File(dir, 'application.jar')
assert jarFile.isFile()

def jar = new JarFile(jarFile)
try {
    // The job itself, its connector and its merged table factories, and the script the job loads.
    assert jar.manifest.mainAttributes.getValue('Main-Class') == 'io.github.kinesisfanout.flink.FanoutJob'
    assert jar.getEntry('io/github/kinesisfanout/flink/FanoutJob.class') != null
    def factories = jar.getInputStream(jar.getEntry('META-INF/services/org.apache.flink.table.factories.Factory')).text
    assert factories.contains('org.apache.flink.streaming.connectors.kinesis.table.KinesisDynamicTableFactory')
    assert jar.getEntry('META-INF/MANIFEST.MF') != null
    assert !jar.entries().toList().any { it.name ==~ /META-INF\/[^\/]+\.(SF|RSA|DSA)/ }
    def script = jar.getInputStream(jar.getEntry('kinesis-fanout/application.sql')).getText('UTF-8')
    assert script == new File(dir, 'application.sql').getText('UTF-8')
    assert script.contains("'\${output.POSITIVE_TRANSACTIONS.stream}'")
    assert script.contains("'\${output.NEGATIVE_TRANSACTIONS.stream}'")
} finally {
    jar.close()
}

// Managed Flink's EnvironmentProperties.PropertyGroups, filled from the configuration: the legacy
// connector takes stream names (the ARN's last part), a loopback endpoint gets the local cloud's
// static credentials and HTTP/1.1.
def groups = new JsonSlurper().parse(new File(dir, 'application.properties.json'))
assert groups.size() == 1
assert groups[0].PropertyGroupId == 'FanoutApplication'
assert groups[0].PropertyMap == [
    'aws.region'                        : 'eu-west-1',
    'aws.endpoint'                      : 'http://127.0.0.1:4566',
    'aws.credentials.provider'          : 'BASIC',
    'aws.credentials.basic.accesskeyid' : 'test',
    'aws.credentials.basic.secretkey'   : 'test',
    'scan.stream.initpos'               : 'TRIM_HORIZON',
    'sink.http-client.protocol.version' : 'HTTP1_1',
    'input.stream'                      : 'Transactions',
    'output.POSITIVE_TRANSACTIONS.stream': 'PositiveTransactions',
    'output.NEGATIVE_TRANSACTIONS.stream': 'NegativeTransactions',
]

// The content hash: the SHA-256 of the jar's bytes, written beside it and printed.
def sha256 = MessageDigest.getInstance('SHA-256').digest(jarFile.bytes).encodeHex().toString()
assert new File(dir, 'application.jar.sha256').text == sha256 + '  application.jar\n'
assert log.contains('SHA-256 ' + sha256)
assert log.contains('kinesis-fanout/application-' + sha256 + '.jar')
