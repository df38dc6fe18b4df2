package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.time.Instant;

/** Reads the members of a CreateDeliveryStream request: the name, the source and the S3 destination. */
final class DeliveryStreamRequests {

    private static final String[] NOT_SUPPORTED_DESTINATIONS = {"RedshiftDestinationConfiguration",
        "ElasticsearchDestinationConfiguration", "AmazonopensearchserviceDestinationConfiguration",
        "SplunkDestinationConfiguration", "HttpEndpointDestinationConfiguration",
        "AmazonOpenSearchServerlessDestinationConfiguration", "SnowflakeDestinationConfiguration",
        "IcebergDestinationConfiguration"};

    private DeliveryStreamRequests() {
    }

    static String name(ObjectNode input) {
        String name = Members.required(input, "DeliveryStreamName", FirehoseErrors.INVALID_ARGUMENT);
        if (!name.matches("[a-zA-Z0-9_.-]{1,64}")) {
            throw ValidationErrors.of(FirehoseErrors.INVALID_ARGUMENT, name, "deliveryStreamName",
                    "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    static String type(ObjectNode input) {
        return Members.text(input, "DeliveryStreamType", "DirectPut");
    }

    /** The Kinesis stream a KinesisStreamAsSource delivery stream reads (from {@code start} on); null for DirectPut. */
    static KinesisStreamSource source(String type, ObjectNode input, Instant start) {
        switch (type) {
            case "DirectPut" -> {
                if (Members.has(input, KinesisStreamSource.MEMBER)) {
                    throw FirehoseErrors.INVALID_ARGUMENT.error(KinesisStreamSource.MEMBER
                            + " is only for DeliveryStreamType KinesisStreamAsSource; this delivery stream is DirectPut");
                }
                return null;
            }
            case "KinesisStreamAsSource" -> {
                return KinesisStreamSource.parse(input.get(KinesisStreamSource.MEMBER), start);
            }
            case "MSKAsSource", "DatabaseAsSource" -> throw FirehoseErrors.notSupported("DeliveryStreamType " + type);
            default -> throw ValidationErrors.of(FirehoseErrors.INVALID_ARGUMENT, type, "deliveryStreamType",
                    "Member must satisfy enum value set: [DirectPut, KinesisStreamAsSource, MSKAsSource, DatabaseAsSource]");
        }
    }

    static S3Destination destination(ObjectNode input) {
        S3Destination found = null;
        for (String member : new String[] {"ExtendedS3DestinationConfiguration", "S3DestinationConfiguration"}) {
            if (Members.has(input, member)) {
                if (found != null) {
                    throw FirehoseErrors.INVALID_ARGUMENT.error(
                            "Only one destination configuration can be given; found "
                            + found.member() + " and " + member);
                }
                found = S3Destination.parse(member, input.get(member));
            }
        }
        for (String member : NOT_SUPPORTED_DESTINATIONS) {
            if (Members.has(input, member)) {
                throw FirehoseErrors.notSupported(member);
            }
        }
        if (found == null) {
            throw FirehoseErrors.INVALID_ARGUMENT.error("A destination configuration is required:"
                    + " ExtendedS3DestinationConfiguration or S3DestinationConfiguration");
        }
        return found;
    }
}
