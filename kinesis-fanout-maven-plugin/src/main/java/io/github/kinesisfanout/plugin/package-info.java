/** The Maven goals of kinesis-fanout: thin adapters over the Maven-free operations package. */
package io.github.kinesisfanout.plugin;
