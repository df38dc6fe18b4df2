-- CSV in and CSV out.
-- KDA line 3: the input, SOURCE_SQL_STREAM_001
CREATE TABLE `SOURCE_SQL_STREAM_001` (
  `ID` INTEGER,
  `USERNAME` VARCHAR(32),
  `AMOUNT` DOUBLE,
  `ROWTIME` AS PROCTIME()
) WITH (
  'connector' = 'kinesis',
  'stream' = '${input.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'scan.stream.initpos' = '${scan.stream.initpos}',
  'format' = 'csv'
);
-- KDA line 1: CREATE OR REPLACE STREAM "LARGE"
CREATE TABLE `LARGE` (
  `ID` INTEGER,
  `USERNAME` VARCHAR(32),
  `AMOUNT` DOUBLE
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.LARGE.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'sink.http-client.protocol.version' = '${sink.http-client.protocol.version}',
  'sink.flush-buffer.timeout' = '500',
  'format' = 'csv'
);
-- KDA line 5: CREATE OR REPLACE PUMP "LARGE_PUMP" AS INSERT INTO "LARGE" ...
INSERT INTO `LARGE`
SELECT `ID`, `USERNAME`, `AMOUNT`
FROM `SOURCE_SQL_STREAM_001`
WHERE `AMOUNT` >= 50;
