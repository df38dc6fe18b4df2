def log = new File(basedir, 'build.log').text
// The file goes to create-app's upload bucket, kinesis-fanout-artifacts-ACCOUNT-REGION, under the configured key.
def object = 's3://kinesis-fanout-artifacts-000000000000-us-east-1/tables/users.csv'
assert log.contains("Uploaded users.csv to ${object}")
assert log.contains('Created application fanout-reference (arn:aws:kinesisanalytics:us-east-1:000000000000:application/fanout-reference)'
        + " with reference table Users (${object}), READY")
assert log.contains('Started application fanout-reference from NOW: RUNNING')
assert log.contains("${object} already holds users.csv")
assert log.contains('Application fanout-reference is up to date (version 2, RUNNING)')
assert log.contains("Uploaded users-v2.csv to ${object}")
assert log.contains("Updated application fanout-reference to version 3: reference table Users reloaded (new content in ${object}) (RUNNING)")
assert log.contains('Updated application fanout-reference to version 5: code, reference table Users deleted (RUNNING)')
assert log.contains('Deleted application fanout-reference')
assert log.indexOf('up to date (version 2') < log.indexOf('reloaded (new content')
