package io.github.kinesisfanout.operations.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Writes a stack's outputs as JSON: {"StackName", "StackId", "StackStatus", "Outputs": {key: value}}. */
final class StackOutputsFile {

    private StackOutputsFile() {
    }

    static void write(Path file, Stack stack, Map<String, String> outputs) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("StackName", stack.stackName());
        root.put("StackId", stack.stackId());
        root.put("StackStatus", stack.stackStatusAsString());
        ObjectNode values = root.putObject("Outputs");
        outputs.forEach(values::put);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, root.toPrettyString());
        } catch (IOException e) {
            throw new FanoutException("Cannot write the stack outputs to " + file + ": " + e.getMessage());
        }
    }
}
