/** A streaming SQL engine for the Kinesis Data Analytics SQL dialect: parse, analyze, plan, run. */
package io.github.kinesisfanout.sql;
