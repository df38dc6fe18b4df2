-- KDA input SOURCE_SQL_STREAM (JSON): the Kinesis source
CREATE TABLE `SOURCE_SQL_STREAM_kinesis` (
  `id` INT,
  `userName` STRING,
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

-- KDA output lower_out (JSON): the Kinesis sink
CREATE TABLE `lower_out` (
  `id` INT,
  `userName` VARCHAR(20),
  `SHOUTED` VARCHAR(20)
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.lower_out.stream}',
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
  `id`,
  CAST(`userName` AS VARCHAR(20)) AS `userName`,
  `APPROXIMATE_ARRIVAL_TIME`,
  `ROWTIME`
FROM `SOURCE_SQL_STREAM_kinesis`;

-- KDA line 4: pump my pump
INSERT INTO `lower_out`
SELECT
  `id` AS `id`,
  `userName` AS `userName`,
  UPPER(`userName`) AS `SHOUTED`
FROM `SOURCE_SQL_STREAM_001`
WHERE (`id` > 0);
