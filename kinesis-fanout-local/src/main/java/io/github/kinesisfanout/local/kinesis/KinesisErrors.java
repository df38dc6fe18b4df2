package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.ErrorCode;
import io.github.kinesisfanout.local.edge.CheckedMembers;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/** The Kinesis errors, with the codes (all HTTP 400) and message wording Kinesis uses. */
public final class KinesisErrors {

    public static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("ResourceNotFoundException");
    public static final ErrorCode RESOURCE_IN_USE = ErrorCode.of("ResourceInUseException");
    public static final ErrorCode INVALID_ARGUMENT = ErrorCode.of("InvalidArgumentException");
    public static final ErrorCode LIMIT_EXCEEDED = ErrorCode.of("LimitExceededException");
    public static final ErrorCode VALIDATION = ErrorCode.of("ValidationException");
    public static final ErrorCode EXPIRED_ITERATOR = ErrorCode.of("ExpiredIteratorException");
    public static final ErrorCode PROVISIONED_THROUGHPUT_EXCEEDED =
            ErrorCode.of("ProvisionedThroughputExceededException");
    /** A member of the wrong JSON type, which AWS's deserializer rejects before validation. */
    public static final ErrorCode SERIALIZATION = ErrorCode.of("SerializationException");
    /** The reader of request members: VALIDATION for constraints, SERIALIZATION for a wrong JSON type. */
    static final CheckedMembers MEMBERS = CheckedMembers.of(VALIDATION, SERIALIZATION);
    /** The code PutRecords reports for an entry that failed inside the service. */
    static final ErrorCode INTERNAL_FAILURE = ErrorCode.of("InternalFailure", 500);

    private KinesisErrors() {
    }

    /**
     * The error a single PutRecord answers for its failed entry: the entry's code with its own status
     * (InternalFailure is a 500, as on AWS, so SDK clients retry it; a throughput refusal a 400).
     */
    static AwsServiceException entryFailed(PutRecordsResultEntry result) {
        ErrorCode code = INTERNAL_FAILURE.code().equals(result.errorCode()) ? INTERNAL_FAILURE
                : PROVISIONED_THROUGHPUT_EXCEEDED.code().equals(result.errorCode()) ? PROVISIONED_THROUGHPUT_EXCEEDED
                : ErrorCode.of(result.errorCode());
        return code.error(result.errorMessage());
    }

    static AwsServiceException streamNotFound(String name, String accountId) {
        return RESOURCE_NOT_FOUND.error("Stream " + name + " under account " + accountId + " not found.");
    }

    static AwsServiceException streamExists(String name, String accountId) {
        return RESOURCE_IN_USE.error("Stream " + name + " under account " + accountId + " already exists.");
    }

    static AwsServiceException streamNotActive(Stream stream) {
        return RESOURCE_IN_USE.error("Stream " + stream.name() + " under account " + stream.accountId()
                + " not ACTIVE, instead in state " + stream.status());
    }

    static AwsServiceException shardNotFound(String shardId, Stream stream) {
        return RESOURCE_NOT_FOUND.error("Shard " + shardId + " in stream " + stream.name() + " under account "
                + stream.accountId() + " does not exist");
    }

    /**
     * AWS's request-validation error: {@code 1 validation error detected: Value 'v' at 'm' failed ...};
     * a missing value reads {@code Value null}, unquoted.
     */
    static AwsServiceException validation(Object value, String member, String constraint) {
        return ValidationErrors.of(VALIDATION, value, member, "Member must " + constraint);
    }

    /** A shard a resharding call names does not exist. */
    static AwsServiceException couldNotFindShard(String shardId, Stream stream) {
        return RESOURCE_NOT_FOUND.error("Could not find shard " + shardId + " in stream "
                + stream.name() + " under account " + stream.accountId() + ".");
    }

    static AwsServiceException invalidIterator() {
        return INVALID_ARGUMENT.error("Invalid ShardIterator.");
    }

    static AwsServiceException expiredIterator(long createdMillis, long nowMillis, long ttlMillis) {
        return EXPIRED_ITERATOR.error("Iterator expired. The iterator was created at time "
                + javaDate(createdMillis) + " while right now it is " + javaDate(nowMillis)
                + " which is further in the future than the tolerated delay of " + ttlMillis + " milliseconds.");
    }

    static AwsServiceException throughputExceeded(Shard shard, Stream stream) {
        return PROVISIONED_THROUGHPUT_EXCEEDED.error(rateExceededMessage(shard, stream));
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
