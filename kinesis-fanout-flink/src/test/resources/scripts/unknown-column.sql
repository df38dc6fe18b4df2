-- The reference fan-out: Transactions {ID, USERNAME, AMOUNT} to positive and negative outputs.
-- KDA line 1: CREATE OR REPLACE STREAM "POSITIVE_TRANSACTIONS" (...)
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
-- KDA line 1: CREATE OR REPLACE STREAM "POSITIVE_TRANSACTIONS" (...)
CREATE TABLE `POSITIVE_TRANSACTIONS` (
  `ID` INTEGER,
  `USERNAME` VARCHAR(32),
  `AMOUNT` DOUBLE
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.POSITIVE_TRANSACTIONS.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'sink.http-client.protocol.version' = '${sink.http-client.protocol.version}',
  'aws.trust.all.certificates' = '${aws.trust.all.certificates}',
  'sink.flush-buffer.timeout' = '500',
  'format' = 'json'
);
-- KDA line 2: CREATE OR REPLACE STREAM "NEGATIVE_TRANSACTIONS" (...)
CREATE TABLE `NEGATIVE_TRANSACTIONS` (
  `ID` INTEGER,
  `USERNAME` VARCHAR(32),
  `AMOUNT` DOUBLE
) WITH (
  'connector' = 'kinesis',
  'stream' = '${output.NEGATIVE_TRANSACTIONS.stream}',
  'aws.region' = '${aws.region}',
  'aws.endpoint' = '${aws.endpoint}',
  'aws.credentials.provider' = '${aws.credentials.provider}',
  'aws.credentials.basic.accesskeyid' = '${aws.credentials.basic.accesskeyid}',
  'aws.credentials.basic.secretkey' = '${aws.credentials.basic.secretkey}',
  'sink.http-client.protocol.version' = '${sink.http-client.protocol.version}',
  'sink.flush-buffer.timeout' = '500',
  'format' = 'json'
);
-- KDA line 3: CREATE OR REPLACE PUMP "POSITIVE_PUMP" AS INSERT INTO "POSITIVE_TRANSACTIONS" ...
INSERT INTO `POSITIVE_TRANSACTIONS`
SELECT `ID`, `USERNAME`, `AMOUNT`
FROM `SOURCE_SQL_STREAM_001`
WHERE `AMOUNT` >= 0;
-- KDA line 5: CREATE OR REPLACE PUMP "NEGATIVE_PUMP" AS INSERT INTO "NEGATIVE_TRANSACTIONS" ...
INSERT INTO `NEGATIVE_TRANSACTIONS`
SELECT `ID`, `USERNAME`, `AMOUNT`
FROM `SOURCE_SQL_STREAM_001`
WHERE `AMOUNTS` < 0;
