package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.cloudformation.template.TemplateException;
import io.github.kinesisfanout.local.edge.ErrorCode;

/** The CloudFormation error codes with the HTTP status CloudFormation answers each with. */
public final class CloudFormationErrors {

    /** CloudFormation's error for bad input, a missing stack and a template it rejects alike. */
    public static final ErrorCode VALIDATION_ERROR = TemplateException.VALIDATION_ERROR;
    static final ErrorCode ALREADY_EXISTS = ErrorCode.of("AlreadyExistsException");
    static final ErrorCode CHANGE_SET_NOT_FOUND = ErrorCode.of("ChangeSetNotFound", 404);
    static final ErrorCode INVALID_CHANGE_SET_STATUS = ErrorCode.of("InvalidChangeSetStatus");
    static final ErrorCode INSUFFICIENT_CAPABILITIES = ErrorCode.of("InsufficientCapabilitiesException");

    private CloudFormationErrors() {
    }
}
