package io.github.kinesisfanout.operations.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSourceDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSourceUpdate;
import software.amazon.awssdk.services.kinesisanalytics.model.S3ReferenceDataSourceDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * How the build's reference source differs from the one deployed: which of table name, bucket, key, role and
 * schema changed, and the ReferenceDataSourceUpdate that sets them all (and so reloads the table).
 */
final class ReferenceDifference {

    private ReferenceDifference() {
    }

    /** The application's reference data source; v1 has at most one. */
    static Optional<ReferenceDataSourceDescription> deployed(ApplicationDetail detail) {
        return detail.hasReferenceDataSourceDescriptions() && !detail.referenceDataSourceDescriptions().isEmpty()
                ? Optional.of(detail.referenceDataSourceDescriptions().get(0)) : Optional.empty();
    }

    /** What differs, in the words of the summary line: {@code table name}, {@code bucket}, {@code key}, ... */
    static List<String> differences(ReferenceDataSourceDescription deployed, ReferenceSource wanted) {
        List<String> differences = new ArrayList<>();
        S3ReferenceDataSourceDescription s3 = deployed.s3ReferenceDataSourceDescription();
        if (!wanted.tableName().equals(deployed.tableName())) {
            differences.add("table name");
        }
        if (s3 == null || !wanted.bucketArn().equals(s3.bucketARN())) {
            differences.add("bucket");
        }
        if (s3 == null || !wanted.key().equals(s3.fileKey())) {
            differences.add("key");
        }
        if (s3 == null || !wanted.roleArn().equals(s3.referenceRoleARN())) {
            differences.add("role");
        }
        if (!sameSchema(deployed.referenceSchema(), wanted.schema())) {
            differences.add("schema");
        }
        return differences;
    }

    /** Every member as the build has it, so the service reloads the object whether or not a member changed. */
    static ReferenceDataSourceUpdate update(ReferenceDataSourceDescription deployed, ReferenceSource wanted) {
        return ReferenceDataSourceUpdate.builder().referenceId(deployed.referenceId())
                .tableNameUpdate(wanted.tableName())
                .s3ReferenceDataSourceUpdate(s -> s.bucketARNUpdate(wanted.bucketArn()).fileKeyUpdate(wanted.key())
                        .referenceRoleARNUpdate(wanted.roleArn()))
                .referenceSchemaUpdate(wanted.schema()).build();
    }

    private static boolean sameSchema(SourceSchema deployed, SourceSchema wanted) {
        return deployed != null && Objects.equals(deployed.recordFormat(), wanted.recordFormat())
                && Objects.equals(deployed.recordEncoding(), wanted.recordEncoding())
                && Objects.equals(deployed.recordColumns(), wanted.recordColumns());
    }
}
