/** Consumer Lambdas of the transactions fan-out: decode each routed transaction and log it. */
package io.github.kinesisfanout.sample;
