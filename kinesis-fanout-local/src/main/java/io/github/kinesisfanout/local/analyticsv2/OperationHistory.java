package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The operations of one application (ListApplicationOperations, DescribeApplicationOperation):
 * where AWS reports why a start or an update failed, in OperationFailureDetails.ErrorInfo.ErrorString.
 */
final class OperationHistory {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String FAILED = "FAILED";

    /** One operation; its mutable members change under the application's monitor. */
    static final class Operation {
        final String id;
        final String name;
        final Instant start;
        final Long versionFrom;
        final Long versionTo;
        Instant end;
        String status = IN_PROGRESS;
        String error;

        Operation(String name, Instant start, Long versionFrom, Long versionTo) {
            this(UUID.randomUUID().toString().replace("-", "").substring(0, 16), name, start, versionFrom, versionTo);
        }

        /** An operation read back from the data directory, with its id. */
        Operation(String id, String name, Instant start, Long versionFrom, Long versionTo) {
            this.id = id;
            this.name = name;
            this.start = start;
            this.versionFrom = versionFrom;
            this.versionTo = versionTo;
        }

        ObjectNode info() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("Operation", name);
            node.put("OperationId", id);
            node.put("StartTime", seconds(start));
            if (end != null) {
                node.put("EndTime", seconds(end));
            }
            node.put("OperationStatus", status);
            return node;
        }

        ObjectNode details() {
            ObjectNode node = info();
            node.remove("OperationId");
            if (versionFrom != null) {
                node.putObject("ApplicationVersionChangeDetails").put("ApplicationVersionUpdatedFrom", versionFrom)
                        .put("ApplicationVersionUpdatedTo", versionTo);
            }
            if (error != null) {
                node.putObject("OperationFailureDetails").putObject("ErrorInfo").put("ErrorString", error);
            }
            return node;
        }
    }

    private final List<Operation> operations = new ArrayList<>();

    Operation begin(String name, Instant now, Long versionFrom, Long versionTo) {
        Operation operation = new Operation(name, now, versionFrom, versionTo);
        operations.add(operation);
        return operation;
    }

    static void succeed(Operation operation, Instant now) {
        operation.status = SUCCESSFUL;
        operation.end = now;
    }

    static void fail(Operation operation, Instant now, String error) {
        operation.status = FAILED;
        operation.end = now;
        operation.error = error;
    }

    /** Adds an operation read back from the data directory (oldest first). */
    void add(Operation operation) {
        operations.add(operation);
    }

    /** Oldest first, as they were begun. */
    List<Operation> oldestFirst() {
        return List.copyOf(operations);
    }

    /** Newest first, as the console lists them. */
    List<Operation> newestFirst() {
        List<Operation> list = new ArrayList<>(operations);
        java.util.Collections.reverse(list);
        return list;
    }

    Operation get(String id) {
        return operations.stream().filter(o -> o.id.equals(id)).findFirst().orElse(null);
    }

    static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
