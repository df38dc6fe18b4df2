-- A chain through an intermediate stream whose column comes from a CASE.
-- KDA line 4: the input, SOURCE_SQL_STREAM_001
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
  'format' = 'json'
);
-- KDA line 2: CREATE OR REPLACE STREAM "NOT_SMALL"
CREATE TABLE `NOT_SMALL` (
  `ID` INTEGER,
  `USERNAME` VARCHAR(32),
  `KIND` VARCHAR(8)
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.NOT_SMALL.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'sink.http-client.protocol.version' = '${sink.http-client.protocol.version}',
  'sink.flush-buffer.timeout' = '500',
  'format' = 'json'
);
-- KDA line 1: CREATE OR REPLACE STREAM "LABELLED" (ID INTEGER, USERNAME VARCHAR(32), KIND VARCHAR(8))
CREATE TEMPORARY VIEW `LABELLED` AS
SELECT `ID`, `USERNAME`,
  CAST(CASE WHEN `AMOUNT` >= 100 THEN 'BIG' WHEN `AMOUNT` >= 0 THEN 'SMALL' ELSE 'REFUND' END AS VARCHAR(8)) AS `KIND`
FROM `SOURCE_SQL_STREAM_001`;
-- KDA line 8: CREATE OR REPLACE PUMP "OUT_PUMP" AS INSERT INTO "NOT_SMALL" ...
INSERT INTO `NOT_SMALL`
SELECT `ID`, `USERNAME`, `KIND`
FROM `LABELLED`
WHERE `KIND` <> 'SMALL';
