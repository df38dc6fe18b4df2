-- KDA input SOURCE_SQL_STREAM (JSON): the Kinesis source
CREATE TABLE `SOURCE_SQL_STREAM_kinesis` (
  `ID` INT,
  `USERNAME` STRING,
  `AMOUNT` DECIMAL(5, 2),
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
  `USERNAME` VARCHAR(200),
  `SOME_LOW` BOOLEAN,
  `ALL_LOW` BOOLEAN
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

-- KDA output SLIDE (JSON): the Kinesis sink
CREATE TABLE `SLIDE` (
  `ID` INT,
  `SOME_LOW` BOOLEAN,
  `ALL_LOW` BOOLEAN,
  `FIRST_AMOUNT` DECIMAL(5, 2),
  `LAST_AMOUNT` DECIMAL(5, 2)
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.SLIDE.stream}',
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
  CAST(`USERNAME` AS VARCHAR(200)) AS `USERNAME`,
  `AMOUNT`,
  `APPROXIMATE_ARRIVAL_TIME`,
  `ROWTIME`
FROM `SOURCE_SQL_STREAM_kinesis`;

-- KDA line 4: pump P
INSERT INTO `OUT`
SELECT
  `USERNAME` AS `USERNAME`,
  (MAX(CASE WHEN (`AMOUNT` < 1) THEN 1 WHEN NOT (`AMOUNT` < 1) THEN 0 END) = 1) AS `SOME_LOW`,
  (MIN(CASE WHEN (`AMOUNT` < 1) THEN 1 WHEN NOT (`AMOUNT` < 1) THEN 0 END) = 1) AS `ALL_LOW`
FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' HOUR))
GROUP BY `window_start`, `window_end`, `USERNAME`;

-- KDA line 7: pump Q
INSERT INTO `SLIDE`
SELECT
  `ID` AS `ID`,
  (MAX(CASE WHEN (`AMOUNT` < 1) THEN 1 WHEN NOT (`AMOUNT` < 1) THEN 0 END) OVER (PARTITION BY `USERNAME` ORDER BY `ROWTIME` ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) = 1) AS `SOME_LOW`,
  (MIN(CASE WHEN (`AMOUNT` < 1) THEN 1 WHEN NOT (`AMOUNT` < 1) THEN 0 END) OVER (PARTITION BY `USERNAME` ORDER BY `ROWTIME` ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) = 1) AS `ALL_LOW`,
  FIRST_VALUE(`AMOUNT`) OVER (PARTITION BY `USERNAME` ORDER BY `ROWTIME` ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS `FIRST_AMOUNT`,
  LAST_VALUE(`AMOUNT`) OVER (PARTITION BY `USERNAME` ORDER BY `ROWTIME` ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS `LAST_AMOUNT`
FROM `SOURCE_SQL_STREAM_001`;
