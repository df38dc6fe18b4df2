package io.github.kinesisfanout.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings of a {@link LocalCloud}, as its builder collected them.
 *
 * @param host the address bound
 * @param port the port asked for (0 = ephemeral)
 * @param region the region of requests that carry none
 * @param accountId the account of every ARN
 * @param statusTransitionDelay how long CREATING, UPDATING and DELETING states last
 * @param maxRequestBodyBytes bigger request bodies are refused before being buffered
 * @param throughputLimits whether Kinesis enforces per-shard throughput limits
 * @param putRecordsFailureRate probability (0..1) that a PutRecords entry fails
 * @param clock the time source of every service
 * @param functionLogsToConsole whether Lambda function log lines are printed on the console too
 *     (they always go to CloudWatch Logs)
 * @param dataDirectory where state is kept across restarts; null keeps everything in memory
 * @param idleTimeout how long a connection may stay silent while none of its requests is served
 * @param signatureKeys secret key by access key id when SigV4 signatures are verified; empty when not
 * @param lambdaFailureRate probability (0..1) that an event source mapping's invocation of a function
 *     fails as a function error
 * @param faultSeed seeds the draws of the fault switches; null draws differently on every run
 * @param memoryBudget how much data the services keep in memory with a data directory; null: the default
 *     (refused without a data directory, where everything is in memory)
 */
public record LocalCloudSettings(String host, int port, String region, String accountId,
        Duration statusTransitionDelay, int maxRequestBodyBytes, boolean throughputLimits,
        double putRecordsFailureRate, Clock clock, boolean functionLogsToConsole, Path dataDirectory,
        Duration idleTimeout, java.util.Map<String, String> signatureKeys, double lambdaFailureRate, Long faultSeed,
        MemoryBudget memoryBudget) {

    public LocalCloudSettings {
        if (memoryBudget != null && dataDirectory == null) {
            throw new IllegalArgumentException("memoryBudget is set (" + memoryBudget + ") but dataDirectory is"
                    + " not: without a data directory every record and log event stays in memory, so no budget"
                    + " applies; set dataDirectory too, or leave memoryBudget unset");
        }
    }

    /** How much data the services keep in memory with a data directory: {@link MemoryBudget#DEFAULT} unless set. */
    @Override
    public MemoryBudget memoryBudget() {
        return memoryBudget != null ? memoryBudget : MemoryBudget.DEFAULT;
    }

    /** The data directory, when state is durable. */
    public Optional<Path> dataDirectoryIfAny() {
        return Optional.ofNullable(dataDirectory);
    }

    /** Never prints the secret keys. */
    @Override
    public String toString() {
        return "LocalCloudSettings[host=" + host + ", port=" + port + ", region=" + region + ", accountId=" + accountId
                + ", dataDirectory=" + dataDirectory + ", memoryBudget=" + memoryBudget() + ", idleTimeout=" + idleTimeout + ", verifiedAccessKeys="
                + signatureKeys.keySet() + "]";
    }
}
