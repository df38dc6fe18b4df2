package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/** The Kinesis errors, with the codes and message wording Kinesis uses. */
final class KinesisErrors {

    private KinesisErrors() {
    }

    static AwsServiceException streamNotFound(String name, String accountId) {
        return new AwsServiceException("ResourceNotFoundException",
                "Stream " + name + " under account " + accountId + " not found.");
    }

    static AwsServiceException streamExists(String name, String accountId) {
        return new AwsServiceException("ResourceInUseException",
                "Stream " + name + " under account " + accountId + " already exists.");
    }

    static AwsServiceException streamNotActive(Stream stream) {
        return new AwsServiceException("ResourceInUseException",
                "Stream " + stream.name() + " under account " + stream.accountId() + " not ACTIVE, instead in state "
                        + stream.status());
    }

    static AwsServiceException shardNotFound(String shardId, Stream stream) {
        return new AwsServiceException("ResourceNotFoundException",
                "Shard " + shardId + " in stream " + stream.name() + " under account " + stream.accountId()
                        + " does not exist");
    }

    static AwsServiceException invalidArgument(String message) {
        return new AwsServiceException("InvalidArgumentException", message);
    }

    static AwsServiceException limitExceeded(String message) {
        return new AwsServiceException("LimitExceededException", message);
    }

    /**
     * AWS's request-validation error: {@code 1 validation error detected: Value 'v' at 'm' failed ...};
     * a missing value reads {@code Value null}, unquoted.
     */
    static AwsServiceException validation(Object value, String member, String constraint) {
        return new AwsServiceException("ValidationException", "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: Member must " + constraint);
    }

    /** A shard a resharding call names does not exist. */
    static AwsServiceException couldNotFindShard(String shardId, Stream stream) {
        return new AwsServiceException("ResourceNotFoundException", "Could not find shard " + shardId + " in stream "
                + stream.name() + " under account " + stream.accountId() + ".");
    }

    static AwsServiceException invalidIterator() {
        return invalidArgument("Invalid ShardIterator.");
    }

    static AwsServiceException expiredIterator(long createdMillis, long nowMillis, long ttlMillis) {
        return new AwsServiceException("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                + javaDate(createdMillis) + " while right now it is " + javaDate(nowMillis)
                + " which is further in the future than the tolerated delay of " + ttlMillis + " milliseconds.");
    }

    static AwsServiceException throughputExceeded(Shard shard, Stream stream) {
        return new AwsServiceException("ProvisionedThroughputExceededException",
                rateExceededMessage(shard, stream));
    }

    static String rateExceededMessage(Shard shard, Stream stream) {
        return "Rate exceeded for shard " + shard.shardId() + " in stream " + stream.name() + " under account "
                + stream.accountId() + ".";
    }

    /** Dates in messages are rendered as Java's Date.toString() in UTC, as in Kinesis's own messages. */
    private static String javaDate(long millis) {
        SimpleDateFormat format = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(new Date(millis));
    }
}
