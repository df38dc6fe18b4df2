package io.github.kinesisfanout.operations.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stack outputs from properties and files, and the inline column form. */
class StackOutputsTest {

    @TempDir
    Path dir;

    @Test
    void explicitValuesWinThenPropertiesThenTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("stack-outputs.json"),
                "{\"InputStreamArn\":\"from-file\",\"ApplicationRoleArn\":\"role-from-file\"}");
        StackOutputs outputs = StackOutputs.load(Map.of("fanout.output.InputStreamArn", "from-property"), file);
        assertEquals("explicit", outputs.resolve("explicit", "inputStreamArn", "fanout.inputStreamArn", "InputStreamArn", "k"));
        assertEquals("from-property", outputs.resolve(null, "inputStreamArn", "fanout.inputStreamArn", "InputStreamArn", "k"));
        assertEquals("role-from-file", outputs.resolve(" ", "roleArn", "fanout.roleArn", "ApplicationRoleArn", "k"));
    }

    @Test
    void cloudFormationShapedFilesAreReadToo() throws Exception {
        Path file = Files.writeString(dir.resolve("outputs.json"),
                "{\"Outputs\":[{\"OutputKey\":\"InputStreamArn\",\"OutputValue\":\"arn:x\"}]}");
        assertEquals("arn:x", StackOutputs.load(Map.of(), file).get("InputStreamArn").orElseThrow());
    }

    @Test
    void aMissingValueNamesTheParameterThePropertyAndTheOutputKey() {
        var error = assertThrows(FanoutException.class, () -> StackOutputs.load(Map.of(), dir.resolve("none.json"))
                .resolve(null, "roleArn", "fanout.roleArn", "ApplicationRoleArn", "fanout.roleArnOutput"));
        assertTrue(error.getMessage().startsWith("<roleArn> is not set and the deployed stack has no output 'ApplicationRoleArn'"),
                error.getMessage());
        assertTrue(error.getMessage().contains("-Dfanout.roleArn=ARN"), error.getMessage());
    }

    @Test
    void inlineColumnsKeepCommasInsideTypes() {
        var columns = SchemaFile.parseInline("ID:INTEGER:$.ID, AMOUNT:DECIMAL(5,2):$.AMOUNT,NOTE:VARCHAR(8)");
        assertEquals(List.of("ID INTEGER $.ID", "AMOUNT DECIMAL(5,2) $.AMOUNT", "NOTE VARCHAR(8) null"),
                columns.stream().map(c -> c.name() + " " + c.sqlType() + " " + c.mapping()).toList());
        assertThrows(FanoutException.class, () -> SchemaFile.parseInline("JUSTANAME"));
    }
}
