package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.PropertyNames;
import java.util.List;

/** The fix-it messages of the application goals, in one place so they read alike. */
final class AppMessages {

    private AppMessages() {
    }

    static FanoutException retiredService(String awsError, String flinkCommand, Throwable cause) {
        return new FanoutException(awsError + ". Kinesis Data Analytics for SQL is retired by AWS (no new applications"
                + " since 2025-10-15, existing ones deleted from 2026-01-27), so this call went to a service that no"
                + " longer runs SQL applications. Run the same application on Managed Service for Apache Flink"
                + " (translated to Flink SQL): " + flinkCommand + "; or run it on the local cloud"
                + " (kinesis-fanout:start-local earlier in the build, or kinesis-fanout:run-local and"
                + " -Dfanout.endpoint=http://127.0.0.1:4566)", cause);
    }

    static FanoutException applicationNotFound(String name) {
        return new FanoutException("Application '" + name + "' does not exist: create it first (kinesis-fanout:create-app)"
                + " or check <applicationName> (-Dfanout.applicationName=NAME)");
    }

    /** The SQL did not compile: one line per error, {@code line 3, column 12: message}. */
    static FanoutException invalidSql(String file, List<String> errors) {
        return new FanoutException("The application SQL " + file + " does not compile:\n  " + String.join("\n  ", errors));
    }

    static FanoutException fromStack(String parameter, String property, String outputKey, String keyProperty) {
        return new FanoutException("<" + parameter + "> is not set and the deployed stack has no output '" + outputKey
                + "' (project property fanout.output." + outputKey + " or target/kinesis-fanout/stack-outputs.json):"
                + " deploy the stack first (kinesis-fanout:deploy-stack), pass -D" + property + "=ARN, or name the stack"
                + " output with -D" + keyProperty + "=KEY");
    }

    static FanoutException unreadableFile(String what, String file, String reason) {
        return new FanoutException("Cannot read the " + what + " " + file + ": " + reason);
    }

    static FanoutException schemaDiffers(String file, List<String> differences) {
        return new FanoutException("The discovered schema differs from " + file + " (-Dfanout.checkSchema=true):\n  "
                + String.join("\n  ", differences) + "\nUpdate the file (run discover-schema without -Dfanout.checkSchema)"
                + " or fix the records");
    }

    static FanoutException referenceTableNameMissing() {
        return new FanoutException("<referenceTableName> is not set but other reference table settings are: add it to"
                + " the plugin configuration or pass -D" + PropertyNames.REFERENCE_TABLE_NAME + "=NAME (the table the"
                + " SQL joins with), or remove the reference settings");
    }

    static FanoutException referenceFileAndS3Uri() {
        return new FanoutException("<referenceFile> and <referenceS3Uri> are both set: give one, a local file to upload"
                + " (-D" + PropertyNames.REFERENCE_FILE + "=FILE) or an object already in S3 (-D"
                + PropertyNames.REFERENCE_S3_URI + "=s3://BUCKET/KEY)");
    }

    static FanoutException referenceDataMissing(String table) {
        return new FanoutException("<referenceFile> is not set: reference table " + table + " needs its data, a local"
                + " file to upload (-D" + PropertyNames.REFERENCE_FILE + "=FILE) or an object already in S3 (-D"
                + PropertyNames.REFERENCE_S3_URI + "=s3://BUCKET/KEY)");
    }

    static FanoutException referenceUploadTargetWithS3Uri(String parameter, String property) {
        return new FanoutException("<" + parameter + "> says where <referenceFile> is uploaded, but <referenceS3Uri>"
                + " names an object already in S3: remove <" + parameter + "> (-D" + property + ") or give a file"
                + " instead of the URI");
    }

    static FanoutException referenceObjectMissing(String location, String error) {
        return new FanoutException("The reference object " + location + " does not exist (" + error + "): upload it"
                + " first or fix <referenceS3Uri> (-D" + PropertyNames.REFERENCE_S3_URI + "=s3://BUCKET/KEY)");
    }
}
