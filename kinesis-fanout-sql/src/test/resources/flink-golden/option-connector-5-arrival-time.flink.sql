-- KDA input SOURCE_SQL_STREAM (JSON): the Kinesis source
CREATE TABLE `SOURCE_SQL_STREAM_kinesis` (
  `ID` INT,
  `USERNAME` STRING,
  `AMOUNT` DECIMAL(5, 2),
  `APPROXIMATE_ARRIVAL_TIME` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  `ROWTIME` AS `APPROXIMATE_ARRIVAL_TIME`,
  WATERMARK FOR `ROWTIME` AS `ROWTIME`
) WITH (
  'connector' = 'kinesis',
  'stream.arn' = '${input.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'aws.trust.all.certificates' = '${aws.trust.all.certificates}',
  'source.init.position' = '${source.init.position}',
  'json.fail-on-missing-field' = 'false',
  'json.ignore-parse-errors' = 'true',
  'format' = 'json'
);

-- KDA output OUT (CSV): the Kinesis sink
CREATE TABLE `OUT` (
  `ID` INT,
  `USERNAME` VARCHAR(200),
  `AMOUNT` DECIMAL(5, 2)
) WITH (
  'connector' = 'kinesis',
  'stream.arn' = '${output.OUT.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'aws.trust.all.certificates' = '${aws.trust.all.certificates}',
  'sink.http-client.protocol.version' = '${sink.http-client.protocol.version}',
  'sink.flush-buffer.timeout' = '1000',
  'csv.field-delimiter' = ',',
  'format' = 'csv'
);

-- KDA input stream SOURCE_SQL_STREAM_001
CREATE TEMPORARY VIEW `SOURCE_SQL_STREAM_001` AS
SELECT
  `ID`,
  CAST(`USERNAME` AS VARCHAR(200)) AS `USERNAME`,
  `AMOUNT`,
  `APPROXIMATE_ARRIVAL_TIME`,
  `ROWTIME`
FROM `SOURCE_SQL_STREAM_kinesis`;

-- KDA line 4: pump P
INSERT INTO `OUT`
SELECT
  `ID` AS `ID`,
  `USERNAME` AS `USERNAME`,
  `AMOUNT` AS `AMOUNT`
FROM `SOURCE_SQL_STREAM_001`;
