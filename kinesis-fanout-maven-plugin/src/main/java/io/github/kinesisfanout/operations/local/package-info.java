/** Starting and stopping the embedded local cloud for the goals. */
package io.github.kinesisfanout.operations.local;
