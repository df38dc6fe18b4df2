package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;

/** Validates a ReferenceDataSource and renders it as the ReferenceDataSourceDescription it becomes. */
final class ReferenceSources {

    private ReferenceSources() {
    }

    static ObjectNode parse(JsonNode source, String id) {
        String table = MEMBERS.required(source, "TableName", "referenceDataSource.tableName", 1, 32, null);
        ObjectNode s3 = MEMBERS.object(source, "S3ReferenceDataSource", "referenceDataSource.s3ReferenceDataSource");
        String bucket = MEMBERS.required(s3, "BucketARN", "referenceDataSource.s3ReferenceDataSource.bucketARN", 1, 2048, Members.ARN);
        String key = MEMBERS.required(s3, "FileKey", "referenceDataSource.s3ReferenceDataSource.fileKey", 1, 1024, null);
        String role = MEMBERS.required(s3, "ReferenceRoleARN", "referenceDataSource.s3ReferenceDataSource.referenceRoleARN",
                1, 2048, Members.ROLE_ARN);
        ObjectNode schema = MEMBERS.object(source, "ReferenceSchema", "referenceDataSource.referenceSchema");
        InputParser.validateSchema(schema, "referenceDataSource.referenceSchema");
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        description.put("ReferenceId", id);
        description.put("TableName", table);
        ObjectNode s3Description = description.putObject("S3ReferenceDataSourceDescription");
        s3Description.put("BucketARN", bucket);
        s3Description.put("FileKey", key);
        s3Description.put("ReferenceRoleARN", role);
        description.set("ReferenceSchema", schema.deepCopy());
        return description;
    }
}
