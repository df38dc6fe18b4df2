-- Routes every transaction of the input stream to one of two output streams by the sign of its
-- AMOUNT. Each in-application stream below is wired to its own Kinesis stream by create-app, so
-- each consumer reads only the records meant for it, within its own shard read budget.

CREATE OR REPLACE STREAM "POSITIVE_TRANSACTIONS" (
    ID       INTEGER,
    USERNAME VARCHAR(200),
    AMOUNT   DECIMAL(5,2));

CREATE OR REPLACE STREAM "NEGATIVE_TRANSACTIONS" (
    ID       INTEGER,
    USERNAME VARCHAR(200),
    AMOUNT   DECIMAL(5,2));

CREATE OR REPLACE PUMP "POSITIVE_PUMP" AS
    INSERT INTO "POSITIVE_TRANSACTIONS"
    SELECT STREAM ID, USERNAME, AMOUNT
    FROM "SOURCE_SQL_STREAM_001"
    WHERE AMOUNT >= 0;

CREATE OR REPLACE PUMP "NEGATIVE_PUMP" AS
    INSERT INTO "NEGATIVE_TRANSACTIONS"
    SELECT STREAM ID, USERNAME, AMOUNT
    FROM "SOURCE_SQL_STREAM_001"
    WHERE AMOUNT < 0;
