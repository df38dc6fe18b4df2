package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.sql.ReferenceTable;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSource;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * The application's reference table as create-app deploys it (a Kinesis Analytics ReferenceDataSource): the
 * in-application table, the S3 object its rows are read from, the local file uploaded there (if any), its schema
 * and the role the application reads the object with.
 *
 * @param tableName the in-application table, 1 to 32 characters, kept as given (SQL names it quoted)
 * @param file the local file uploaded to {@code bucket}/{@code key}; null when the object is already in S3
 * @param bucket the bucket; null until {@link #withDefaults} gives the upload bucket
 * @param key the object key
 * @param schema the ReferenceSchema: record format, encoding and columns
 * @param roleArn the ReferenceRoleARN; null until {@link #withDefaults} gives the application's role
 */
public record ReferenceSource(String tableName, Path file, String bucket, String key, SourceSchema schema,
        String roleArn) {

    /** The same source with the upload bucket and the input's role where the build left them unset. */
    public ReferenceSource withDefaults(String applicationRole, Supplier<String> uploadBucket) {
        return new ReferenceSource(tableName, file, bucket != null ? bucket : uploadBucket.get(), key, schema,
                roleArn != null ? roleArn : applicationRole);
    }

    /** {@code arn:aws:s3:::BUCKET}, as S3ReferenceDataSource.BucketARN takes it. */
    public String bucketArn() {
        return "arn:aws:s3:::" + bucket;
    }

    /** {@code s3://BUCKET/KEY}, for messages. */
    public String location() {
        return "s3://" + bucket + "/" + key;
    }

    /** The table as the SQL engine compiles a join with it. */
    ReferenceTable table() {
        return new ReferenceTable(tableName, SourceSchemas.inputSchema(null, schema));
    }

    /** The AddApplicationReferenceDataSource shape. */
    ReferenceDataSource toSdk() {
        return ReferenceDataSource.builder().tableName(tableName)
                .s3ReferenceDataSource(s -> s.bucketARN(bucketArn()).fileKey(key).referenceRoleARN(roleArn))
                .referenceSchema(schema).build();
    }
}
