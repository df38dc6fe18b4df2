package io.github.kinesisfanout.local.cloudformation;

/** A stack operation step that failed: the resource (or output) that failed and why. */
final class StepFailure extends RuntimeException {

    private final String logicalId;

    StepFailure(String logicalId, String reason) {
        super(reason, null, false, false);
        this.logicalId = logicalId;
    }

    /** The failing resource, or null when the failure is not a resource's (e.g. an export clash). */
    String logicalId() {
        return logicalId;
    }
}
