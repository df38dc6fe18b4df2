-- @outputs lower_out JSON
-- @columns id INTEGER $.id; userName VARCHAR(20) $.userName
CREATE STREAM "lower_out" ("id" INTEGER, "userName" VARCHAR(20), shouted VARCHAR(20));
CREATE PUMP "my pump" AS INSERT INTO "lower_out"
  SELECT STREAM "id", "userName", UPPER("userName") FROM "SOURCE_SQL_STREAM_001" AS s WHERE s."id" > 0;
