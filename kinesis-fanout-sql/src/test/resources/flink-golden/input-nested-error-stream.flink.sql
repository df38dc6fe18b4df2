-- KDA input SOURCE_SQL_STREAM (JSON): the Kinesis source
CREATE TABLE `SOURCE_SQL_STREAM_kinesis` (
  `data` STRING,
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
  'raw.charset' = 'UTF-8',
  'format' = 'raw'
);

-- KDA output OUT (JSON): the Kinesis sink
CREATE TABLE `OUT` (
  `ID` INT,
  `USERNAME` VARCHAR(200),
  `TAGS` VARCHAR(100)
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

-- KDA output error_stream (CSV): the Kinesis sink
CREATE TABLE `error_stream` (
  `ERROR_TIME` TIMESTAMP(3),
  `ERROR_LEVEL` VARCHAR(10),
  `ERROR_NAME` VARCHAR(32),
  `MESSAGE` VARCHAR(4096),
  `DATA_ROWTIME` TIMESTAMP(3),
  `DATA_ROW` VARCHAR(49152),
  `PUMP_NAME` VARCHAR(128)
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.error_stream.stream}',
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
  TRY_CAST(JSON_VALUE(`data`, '$.id') AS INT) AS `ID`,
  CAST(JSON_VALUE(`data`, '$.user[''full name'']') AS VARCHAR(200)) AS `USERNAME`,
  CAST(JSON_QUERY(`data`, '$.tags') AS VARCHAR(100)) AS `TAGS`,
  `APPROXIMATE_ARRIVAL_TIME`,
  `ROWTIME`
FROM `SOURCE_SQL_STREAM_kinesis`
WHERE `data` IS JSON OBJECT;

-- KDA line 4: pump P
INSERT INTO `OUT`
SELECT
  `ID` AS `ID`,
  `USERNAME` AS `USERNAME`,
  `TAGS` AS `TAGS`
FROM `SOURCE_SQL_STREAM_001`;

-- KDA error_stream: malformed records of input SOURCE_SQL_STREAM
INSERT INTO `error_stream`
SELECT
  CAST(CURRENT_ROW_TIMESTAMP() AS TIMESTAMP(3)) AS `ERROR_TIME`,
  'ERROR' AS `ERROR_LEVEL`,
  'Parse_Error' AS `ERROR_NAME`,
  'Malformed JSON record' AS `MESSAGE`,
  CAST(`ROWTIME` AS TIMESTAMP(3)) AS `DATA_ROWTIME`,
  UPPER(HEX(`data`)) AS `DATA_ROW`,
  CAST(NULL AS VARCHAR(128)) AS `PUMP_NAME`
FROM `SOURCE_SQL_STREAM_kinesis`
WHERE `data` IS NOT JSON OBJECT;
