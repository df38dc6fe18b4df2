package io.github.kinesisfanout.operations.stack;

import java.util.List;
import java.util.Map;

/**
 * What deploy-stack did.
 *
 * @param stackId the stack's id (null after a preview of a new stack)
 * @param status the final status, or PREVIEW
 * @param outputs the stack outputs by key (empty after a preview)
 * @param changed false when the stack was already up to date
 * @param previewTable the change set table of a preview, else empty
 */
public record DeployResult(String stackId, String status, Map<String, String> outputs, boolean changed,
        List<String> previewTable) {
}
