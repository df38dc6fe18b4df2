-- A tumbling aggregation on processing time (KDA: GROUP BY USERNAME, STEP(ROWTIME BY INTERVAL '2' SECOND)).
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
  'format' = 'json'
);
-- KDA line 1: CREATE OR REPLACE STREAM "COUNTS"
CREATE TABLE `COUNTS` (
  `USERNAME` VARCHAR(32),
  `N` BIGINT,
  `TOTAL` DOUBLE
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.COUNTS.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'sink.http-client.protocol.version' = '${sink.http-client.protocol.version}',
  'sink.flush-buffer.timeout' = '500',
  'format' = 'json'
);
-- KDA line 6: CREATE OR REPLACE PUMP "COUNT_PUMP" AS INSERT INTO "COUNTS" ...
INSERT INTO `COUNTS`
SELECT `USERNAME`, COUNT(*) AS `N`, SUM(`AMOUNT`) AS `TOTAL`
FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '2' SECOND))
GROUP BY `window_start`, `window_end`, `USERNAME`;
