package io.github.kinesisfanout.local.cloudformation.template;

import io.github.kinesisfanout.local.edge.AwsServiceException;

/** A template that CloudFormation rejects: a ValidationError with AWS's wording. */
public final class TemplateException extends AwsServiceException {

    public TemplateException(String message) {
        super("ValidationError", message, 400);
    }
}
