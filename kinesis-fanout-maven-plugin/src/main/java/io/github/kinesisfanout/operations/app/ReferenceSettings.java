package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.PropertyNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * create-app's reference table parameters as the build gives them, each null when unset, and their validation
 * into the {@link ReferenceSource} to deploy (Kinesis Analytics v1 allows one reference data source).
 *
 * @param tableName {@code referenceTableName}
 * @param file {@code referenceFile}: a local CSV or JSON file to upload
 * @param s3Uri {@code referenceS3Uri}: an object already in S3, {@code s3://BUCKET/KEY}, instead of a file
 * @param bucket {@code referenceBucket}: where the file is uploaded; unset: create-app's upload bucket
 * @param key {@code referenceKey}: the uploaded object's key; unset: {@code reference-data/APPLICATION/FILE_NAME}
 * @param schemaFile {@code referenceSchemaFile}: the ReferenceSchema, a SourceSchema JSON file
 * @param roleArn {@code referenceRoleArn}: the role that reads the object; unset: the input's role
 */
public record ReferenceSettings(String tableName, Path file, String s3Uri, String bucket, String key, Path schemaFile,
        String roleArn) {

    /** Kinesis Analytics' TableName limit. */
    static final int MAX_TABLE_NAME = 32;

    /** S3's object key limit, in UTF-8 bytes. */
    static final int MAX_KEY = 1024;

    public ReferenceSettings {
        tableName = trimmed(tableName);
        s3Uri = trimmed(s3Uri);
        bucket = trimmed(bucket);
        key = trimmed(key);
        roleArn = trimmed(roleArn);
    }

    /**
     * The reference source the settings declare, or empty when none is set (the schema file, which has a default,
     * does not count); the bucket and role stay null where they default to the application's.
     *
     * @param applicationName the application, part of the default key
     */
    public Optional<ReferenceSource> resolve(String applicationName) {
        if (Stream.of(tableName, file, s3Uri, bucket, key, roleArn).allMatch(v -> v == null)) {
            return Optional.empty();
        }
        if (tableName == null) {
            throw AppMessages.referenceTableNameMissing();
        }
        if (tableName.length() > MAX_TABLE_NAME) {
            throw HelpfulSuggestions.invalidParameter("referenceTableName", PropertyNames.REFERENCE_TABLE_NAME,
                    tableName, "it has " + tableName.length() + " characters and Kinesis Analytics allows at most "
                    + MAX_TABLE_NAME + " in a TableName");
        }
        if (file != null && s3Uri != null) {
            throw AppMessages.referenceFileAndS3Uri();
        }
        if (file == null && s3Uri == null) {
            throw AppMessages.referenceDataMissing(tableName);
        }
        SourceSchema schema = schema();
        if (s3Uri != null) {
            return Optional.of(fromS3Uri(schema));
        }
        if (!Files.isRegularFile(file)) {
            throw HelpfulSuggestions.invalidParameter("referenceFile", PropertyNames.REFERENCE_FILE, file,
                    "no such file");
        }
        String objectKey = key != null ? key : "reference-data/" + applicationName + "/" + file.getFileName();
        if (objectKey.getBytes(StandardCharsets.UTF_8).length > MAX_KEY) {
            throw HelpfulSuggestions.invalidParameter("referenceKey", PropertyNames.REFERENCE_KEY, objectKey,
                    "an S3 key has at most " + MAX_KEY + " bytes");
        }
        return Optional.of(new ReferenceSource(tableName, file, bucket, objectKey, schema, roleArn));
    }

    private ReferenceSource fromS3Uri(SourceSchema schema) {
        if (bucket != null || key != null) {
            throw AppMessages.referenceUploadTargetWithS3Uri(bucket != null ? "referenceBucket" : "referenceKey",
                    bucket != null ? PropertyNames.REFERENCE_BUCKET : PropertyNames.REFERENCE_KEY);
        }
        int slash = s3Uri.indexOf('/', "s3://".length());
        if (!s3Uri.startsWith("s3://") || slash <= "s3://".length() || slash == s3Uri.length() - 1) {
            throw HelpfulSuggestions.invalidParameter("referenceS3Uri", PropertyNames.REFERENCE_S3_URI, s3Uri,
                    "it must be s3://BUCKET/KEY");
        }
        return new ReferenceSource(tableName, null, s3Uri.substring("s3://".length(), slash), s3Uri.substring(slash + 1),
                schema, roleArn);
    }

    private SourceSchema schema() {
        if (schemaFile == null) {
            throw HelpfulSuggestions.missingParameter("referenceSchemaFile", PropertyNames.REFERENCE_SCHEMA_FILE,
                    "src/main/schema/reference-schema.json");
        }
        if (!Files.isRegularFile(schemaFile)) {
            throw HelpfulSuggestions.invalidParameter("referenceSchemaFile", PropertyNames.REFERENCE_SCHEMA_FILE,
                    schemaFile, "no such file (it holds the table's SourceSchema: RecordFormat, RecordEncoding,"
                    + " RecordColumns)");
        }
        try {
            return SchemaFile.readSourceSchema(schemaFile, "reference schema file");
        } catch (FanoutException e) {
            throw new FanoutException(e.getMessage() + ": fix <referenceSchemaFile> (-D"
                    + PropertyNames.REFERENCE_SCHEMA_FILE + "=FILE)", e);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
