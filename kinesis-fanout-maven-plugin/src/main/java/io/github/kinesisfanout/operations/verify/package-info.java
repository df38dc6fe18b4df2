/**
 * The routing check behind {@code verify-fanout}: the rows each output should hold, computed by
 * running the application SQL locally over the records put, compared with what the output streams
 * and the consumers' logs actually received.
 */
package io.github.kinesisfanout.operations.verify;
