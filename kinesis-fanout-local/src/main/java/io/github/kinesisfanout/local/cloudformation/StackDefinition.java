package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.cloudformation.template.Template;
import java.util.List;
import java.util.Map;

/**
 * What a stack is asked to be: template and the inputs that go with it. A stack keeps the current
 * one; an update or change set carries the next.
 *
 * @param templateBody the template text as submitted (GetTemplate returns it)
 * @param template the parsed template
 * @param parameters the raw parameter values by name, defaults applied
 * @param capabilities the acknowledged capabilities
 * @param tags the stack tags in order
 * @param notificationArns the NotificationARNs
 * @param disableRollback true to leave a failed create in CREATE_FAILED
 */
record StackDefinition(String templateBody, Template template, Map<String, String> parameters,
        List<String> capabilities, Map<String, String> tags, List<String> notificationArns,
        boolean disableRollback) {
}
