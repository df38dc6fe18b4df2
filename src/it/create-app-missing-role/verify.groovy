def log = new File(basedir, 'build.log').text
assert log.contains("<roleArn> is not set and the deployed stack has no output 'ApplicationRoleArn'")
assert log.contains('-Dfanout.roleArn=ARN')
assert log.contains('-Dfanout.roleArnOutput=KEY')
