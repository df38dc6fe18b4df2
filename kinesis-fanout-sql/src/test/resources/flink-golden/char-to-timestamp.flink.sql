CREATE TEMPORARY SYSTEM FUNCTION `KDA_CHAR_TO_TIMESTAMP` AS 'io.github.kinesisfanout.flink.functions.CharToTimestamp';

CREATE TEMPORARY SYSTEM FUNCTION `KDA_TIMESTAMP_TO_CHAR` AS 'io.github.kinesisfanout.flink.functions.TimestampToChar';

-- KDA input SOURCE_SQL_STREAM (JSON): the Kinesis source
CREATE TABLE `SOURCE_SQL_STREAM_kinesis` (
  `ID` INT,
  `when` STRING,
  `APPROXIMATE_ARRIVAL_TIME` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  `ROWTIME` AS PROCTIME()
) WITH (
  'connector' = 'kinesis',
  'stream' = '${input.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'aws.trust.all.certificates' = '${aws.trust.all.certificates}',
  'scan.stream.initpos' = '${scan.stream.initpos}',
  'json.fail-on-missing-field' = 'false',
  'json.ignore-parse-errors' = 'true',
  'format' = 'json'
);

-- KDA output OUT (JSON): the Kinesis sink
CREATE TABLE `OUT` (
  `ID` INT,
  `T` TIMESTAMP(3),
  `DAY_TEXT` VARCHAR(20)
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.OUT.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'aws.trust.all.certificates' = '${aws.trust.all.certificates}',
  'sink.http-client.protocol.version' = '${sink.http-client.protocol.version}',
  'sink.flush-buffer.timeout' = '1000',
  'json.encode.decimal-as-plain-number' = 'true',
  'format' = 'json'
);

-- KDA input stream SOURCE_SQL_STREAM_001
CREATE TEMPORARY VIEW `SOURCE_SQL_STREAM_001` AS
SELECT
  `ID`,
  CAST(`when` AS VARCHAR(32)) AS `WHEN`,
  `APPROXIMATE_ARRIVAL_TIME`,
  `ROWTIME`
FROM `SOURCE_SQL_STREAM_kinesis`;

-- KDA line 4: pump P
INSERT INTO `OUT`
SELECT
  `ID` AS `ID`,
  KDA_CHAR_TO_TIMESTAMP('dd/MM/yyyy HH:mm:ss', `WHEN`) AS `T`,
  CAST(KDA_TIMESTAMP_TO_CHAR('yyyy-MM-dd', CAST(`ROWTIME` AS TIMESTAMP(3))) AS VARCHAR(20)) AS `DAY_TEXT`
FROM `SOURCE_SQL_STREAM_001`;
