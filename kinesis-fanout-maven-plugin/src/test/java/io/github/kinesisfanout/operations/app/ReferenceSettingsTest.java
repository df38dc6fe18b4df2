package io.github.kinesisfanout.operations.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;

/** The validation of create-app's reference table parameters, each failure naming the parameter and its property. */
class ReferenceSettingsTest {

    private static final String CSV_SCHEMA = """
            {"RecordFormat": {"RecordFormatType": "CSV",
                              "MappingParameters": {"CSVMappingParameters": {"RecordRowDelimiter": "\\n", "RecordColumnDelimiter": ";"}}},
             "RecordEncoding": "UTF-8",
             "RecordColumns": [{"Name": "USERNAME", "SqlType": "VARCHAR(20)"}, {"Name": "TIER", "SqlType": "VARCHAR(10)"}]}
            """;

    @TempDir
    Path dir;

    private Path data;
    private Path schema;

    @BeforeEach
    void files() throws IOException {
        data = Files.writeString(dir.resolve("users.csv"), "alice;gold\n");
        schema = Files.writeString(dir.resolve("reference-schema.json"), CSV_SCHEMA);
    }

    private static ReferenceSettings settings(String table, Path file, String s3Uri, String bucket, String key,
            Path schemaFile) {
        return new ReferenceSettings(table, file, s3Uri, bucket, key, schemaFile, null);
    }

    private static String failure(ReferenceSettings settings) {
        return assertThrows(FanoutException.class, () -> settings.resolve("fanout")).getMessage();
    }

    @Test
    void noReferenceSettingButTheDefaultSchemaFileDeclaresNoTable() {
        assertTrue(settings(null, null, null, null, " ", dir.resolve("absent.json")).resolve("fanout").isEmpty());
    }

    @Test
    void aFileGetsTheDefaultKeyAndLeavesBucketAndRoleToTheApplication() {
        ReferenceSource source = settings("Users", data, null, null, null, schema).resolve("fanout").orElseThrow();
        assertEquals("Users", source.tableName());
        assertEquals(data, source.file());
        assertNull(source.bucket());
        assertEquals("reference-data/fanout/users.csv", source.key());
        assertNull(source.roleArn());
        assertEquals("CSV", source.schema().recordFormat().recordFormatTypeAsString());
        assertEquals(";", source.schema().recordFormat().mappingParameters().csvMappingParameters().recordColumnDelimiter());
        assertEquals(List.of(RecordColumn.builder().name("USERNAME").sqlType("VARCHAR(20)").build(),
                RecordColumn.builder().name("TIER").sqlType("VARCHAR(10)").build()), source.schema().recordColumns());
        ReferenceSource placed = source.withDefaults("arn:aws:iam::000000000000:role/fanout", () -> "uploads");
        assertEquals("s3://uploads/reference-data/fanout/users.csv", placed.location());
        assertEquals("arn:aws:s3:::uploads", placed.bucketArn());
        assertEquals("arn:aws:iam::000000000000:role/fanout", placed.roleArn());
    }

    @Test
    void anS3UriNamesBucketAndKeyAndNothingIsUploaded() {
        ReferenceSource source = settings("Users", null, "s3://shared-data/tables/users v2.csv", null, null, schema)
                .resolve("fanout").orElseThrow();
        assertNull(source.file());
        assertEquals("shared-data", source.bucket());
        assertEquals("tables/users v2.csv", source.key());
        // The bucket named by the URI is kept: the upload bucket is not asked for.
        assertEquals("shared-data", source.withDefaults("role", () -> {
            throw new AssertionError("asked for the upload bucket");
        }).bucket());
    }

    @Test
    void aBareColumnsArrayIsATableOfJsonRows() throws IOException {
        Files.writeString(schema, "[{\"Name\": \"USERNAME\", \"SqlType\": \"VARCHAR(20)\", \"Mapping\": \"$.user\"}]");
        ReferenceSource source = settings("Users", data, null, "b", "k.json", schema).resolve("fanout").orElseThrow();
        assertEquals("JSON", source.schema().recordFormat().recordFormatTypeAsString());
        assertEquals("$", source.schema().recordFormat().mappingParameters().jsonMappingParameters().recordRowPath());
        assertEquals("b", source.bucket());
        assertEquals("k.json", source.key());
    }

    @Test
    void otherSettingsWithoutATableName() {
        assertEquals("<referenceTableName> is not set but other reference table settings are: add it to the plugin"
                + " configuration or pass -Dfanout.reference.tableName=NAME (the table the SQL joins with), or remove the"
                + " reference settings", failure(settings(null, data, null, null, null, schema)));
    }

    @Test
    void aTableNameOfThirtyTwoCharactersIsTheLongest() {
        String longest = "T".repeat(32);
        assertEquals(longest, settings(longest, data, null, null, null, schema).resolve("fanout").orElseThrow().tableName());
        assertEquals("<referenceTableName> is '" + "T".repeat(33) + "' but it has 33 characters and Kinesis Analytics"
                + " allows at most 32 in a TableName: fix it in the plugin configuration or pass"
                + " -Dfanout.reference.tableName=...", failure(settings("T".repeat(33), data, null, null, null, schema)));
    }

    @Test
    void aFileAndAnS3UriTogether() {
        assertEquals("<referenceFile> and <referenceS3Uri> are both set: give one, a local file to upload"
                + " (-Dfanout.reference.file=FILE) or an object already in S3 (-Dfanout.reference.s3Uri=s3://BUCKET/KEY)",
                failure(settings("Users", data, "s3://b/k.csv", null, null, schema)));
    }

    @Test
    void neitherAFileNorAnS3Uri() {
        assertEquals("<referenceFile> is not set: reference table Users needs its data, a local file to upload"
                + " (-Dfanout.reference.file=FILE) or an object already in S3 (-Dfanout.reference.s3Uri=s3://BUCKET/KEY)",
                failure(settings("Users", null, null, "b", null, schema)));
    }

    @Test
    void aMissingFile() {
        Path missing = dir.resolve("nope.csv");
        assertEquals("<referenceFile> is '" + missing + "' but no such file: fix it in the plugin configuration or pass"
                + " -Dfanout.reference.file=...", failure(settings("Users", missing, null, null, null, schema)));
    }

    @Test
    void aMissingSchemaFile() {
        Path missing = dir.resolve("src/main/schema/reference-schema.json");
        assertEquals("<referenceSchemaFile> is '" + missing + "' but no such file (it holds the table's SourceSchema:"
                + " RecordFormat, RecordEncoding, RecordColumns): fix it in the plugin configuration or pass"
                + " -Dfanout.reference.schemaFile=...", failure(settings("Users", data, null, null, null, missing)));
    }

    @Test
    void anUnreadableSchemaFile() throws IOException {
        Files.writeString(schema, "{\"RecordColumns\": [{\"Name\": \"USERNAME\"}]}");
        assertEquals("Cannot read the reference schema file " + schema + ": RecordColumns[0] needs a Name and a SqlType:"
                + " fix <referenceSchemaFile> (-Dfanout.reference.schemaFile=FILE)",
                failure(settings("Users", data, null, null, null, schema)));
        Files.writeString(schema, "{\"RecordFormat\": {\"RecordFormatType\": \"XML\"}, \"RecordColumns\": [{\"Name\": \"A\","
                + " \"SqlType\": \"INTEGER\"}]}");
        assertEquals("Cannot read the reference schema file " + schema + ": RecordFormat.RecordFormatType must be JSON or"
                + " CSV: fix <referenceSchemaFile> (-Dfanout.reference.schemaFile=FILE)",
                failure(settings("Users", data, null, null, null, schema)));
    }

    @Test
    void anS3UriThatIsNotBucketAndKey() {
        for (String uri : List.of("https://b/k", "s3://bucket-only", "s3://bucket/", "s3:///key")) {
            assertEquals("<referenceS3Uri> is '" + uri + "' but it must be s3://BUCKET/KEY: fix it in the plugin"
                    + " configuration or pass -Dfanout.reference.s3Uri=...", failure(settings("Users", null, uri, null,
                    null, schema)), uri);
        }
    }

    @Test
    void anUploadTargetWithAnS3Uri() {
        assertEquals("<referenceBucket> says where <referenceFile> is uploaded, but <referenceS3Uri> names an object"
                + " already in S3: remove <referenceBucket> (-Dfanout.reference.bucket) or give a file instead of the URI",
                failure(settings("Users", null, "s3://b/k.csv", "other", null, schema)));
        assertEquals("<referenceKey> says where <referenceFile> is uploaded, but <referenceS3Uri> names an object"
                + " already in S3: remove <referenceKey> (-Dfanout.reference.key) or give a file instead of the URI",
                failure(settings("Users", null, "s3://b/k.csv", null, "k2.csv", schema)));
    }

    @Test
    void aKeyLongerThanS3Allows() {
        String key = "k".repeat(1025);
        assertEquals("<referenceKey> is '" + key + "' but an S3 key has at most 1024 bytes: fix it in the plugin"
                + " configuration or pass -Dfanout.reference.key=...", failure(settings("Users", data, null, null, key,
                schema)));
    }
}
