package io.github.kinesisfanout.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create-app's reference table parameters as the goal reads them, refused where they cannot apply. */
class CreateAppMojoTest {

    @TempDir
    Path dir;

    @SuppressWarnings("deprecation")
    private CreateAppMojo goal() throws Exception {
        CreateAppMojo goal = new CreateAppMojo();
        goal.session = new MavenSession(null, new DefaultRepositorySystemSession(), new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult());
        goal.waitTimeout = 300;
        goal.applicationName = "fanout";
        goal.referenceTableName = "Users";
        goal.referenceS3Uri = "s3://shared/users.csv";
        goal.referenceSchemaFile = Files.writeString(dir.resolve("reference-schema.json"),
                "[{\"Name\": \"USERNAME\", \"SqlType\": \"VARCHAR(20)\", \"Mapping\": \"$.user\"}]").toFile();
        return goal;
    }

    @Test
    void aReferenceTableWithTheFlinkEngineIsNotSupportedYet() throws Exception {
        CreateAppMojo goal = goal();
        goal.engine = "flink";
        var error = assertThrows(MojoFailureException.class, goal::execute);
        assertEquals("<referenceTableName> is set, but reference tables are not supported yet with engine=flink:"
                + " remove the reference settings (-Dfanout.reference.tableName) or use -Dfanout.engine=sql",
                error.getMessage());
    }

    @Test
    void badReferenceSettingsFailBeforeTheSqlIsCompiledOrAnyCall() throws Exception {
        CreateAppMojo goal = goal();
        goal.engine = "sql";
        goal.sqlFile = Files.writeString(dir.resolve("application.sql"), "not even SQL").toFile();
        goal.schemaFile = new File(dir.toFile(), "absent-input-schema.json");
        goal.columns = "ID:INTEGER:$.ID";
        goal.recordFormat = "JSON";
        goal.recordRowPath = "$";
        goal.referenceFile = new File(dir.toFile(), "users.csv");
        var error = assertThrows(MojoFailureException.class, goal::execute);
        assertEquals("<referenceFile> and <referenceS3Uri> are both set: give one, a local file to upload"
                + " (-Dfanout.reference.file=FILE) or an object already in S3 (-Dfanout.reference.s3Uri=s3://BUCKET/KEY)",
                error.getMessage());
    }
}
