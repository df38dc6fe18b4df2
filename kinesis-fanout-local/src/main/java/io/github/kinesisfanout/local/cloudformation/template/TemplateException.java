package io.github.kinesisfanout.local.cloudformation.template;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.ErrorCode;

/** A template that CloudFormation rejects: a ValidationError with AWS's wording. */
public final class TemplateException extends AwsServiceException {

    /** CloudFormation's ValidationError, declared here so the template package needs nothing of its parent. */
    public static final ErrorCode VALIDATION_ERROR = ErrorCode.of("ValidationError");

    public TemplateException(String message) {
        super(VALIDATION_ERROR.code(), message, VALIDATION_ERROR.httpStatus());
    }
}
