/** The put-records operation: record sources, partition keys, batching, retries, rate limit and manifest. */
package io.github.kinesisfanout.operations.putrecords;
