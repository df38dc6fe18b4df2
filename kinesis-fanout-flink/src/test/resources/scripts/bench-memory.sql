-- The reference fan-out's SQL on an in-memory source (datagen) with discarding sinks: Flink's own rate.
CREATE TABLE `SOURCE_SQL_STREAM_001` (
  `ID` INTEGER,
  `USERNAME` VARCHAR(32),
  `AMOUNT` DOUBLE,
  `ROWTIME` AS PROCTIME()
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '${bench.rows}',
  'rows-per-second' = '1000000000',
  'fields.ID.min' = '0',
  'fields.ID.max' = '1000000',
  'fields.USERNAME.length' = '8',
  'fields.AMOUNT.min' = '-1000',
  'fields.AMOUNT.max' = '1000'
);
CREATE TABLE `POSITIVE_TRANSACTIONS` (`ID` INTEGER, `USERNAME` VARCHAR(32), `AMOUNT` DOUBLE) WITH ('connector' = 'blackhole');
CREATE TABLE `NEGATIVE_TRANSACTIONS` (`ID` INTEGER, `USERNAME` VARCHAR(32), `AMOUNT` DOUBLE) WITH ('connector' = 'blackhole');
INSERT INTO `POSITIVE_TRANSACTIONS`
SELECT `ID`, `USERNAME`, `AMOUNT` FROM `SOURCE_SQL_STREAM_001` WHERE `AMOUNT` >= 0;
INSERT INTO `NEGATIVE_TRANSACTIONS`
SELECT `ID`, `USERNAME`, `AMOUNT` FROM `SOURCE_SQL_STREAM_001` WHERE `AMOUNT` < 0;
