package io.github.kinesisfanout.local;

import io.github.kinesisfanout.local.analytics.AnalyticsApplicationResource;
import io.github.kinesisfanout.local.analytics.AnalyticsOutputResource;
import io.github.kinesisfanout.local.analytics.AnalyticsReferenceResource;
import io.github.kinesisfanout.local.analyticsv2.FlinkApplicationResource;
import io.github.kinesisfanout.local.analyticsv2.FlinkLoggingOptionResource;
import io.github.kinesisfanout.local.cloudformation.ResourceHandlers;
import io.github.kinesisfanout.local.firehose.DeliveryStreamResource;
import io.github.kinesisfanout.local.iam.IamManagedPolicyResource;
import io.github.kinesisfanout.local.iam.IamPolicyResource;
import io.github.kinesisfanout.local.iam.IamRoleResource;
import io.github.kinesisfanout.local.kinesis.KinesisStreamResource;
import io.github.kinesisfanout.local.lambda.EventSourceMappingResource;
import io.github.kinesisfanout.local.lambda.LambdaFunctionResource;
import io.github.kinesisfanout.local.lambda.LambdaPermissionResource;
import io.github.kinesisfanout.local.logs.LogGroupResource;
import io.github.kinesisfanout.local.s3.S3BucketResource;

/**
 * The CloudFormation resource types the local cloud supports, each handled beside the service that
 * owns it; a type missing here fails a stack with "not supported by the local cloud".
 */
final class CloudFormationResources {

    private CloudFormationResources() {
    }

    static ResourceHandlers handlers() {
        return new ResourceHandlers()
                .register(new KinesisStreamResource())
                .register(new IamRoleResource())
                .register(new IamPolicyResource())
                .register(new IamManagedPolicyResource())
                .register(new S3BucketResource())
                .register(new LogGroupResource())
                .register(new LambdaFunctionResource())
                .register(new EventSourceMappingResource())
                .register(new LambdaPermissionResource())
                .register(new AnalyticsApplicationResource())
                .register(new AnalyticsOutputResource())
                .register(new AnalyticsReferenceResource())
                .register(new FlinkApplicationResource())
                .register(new FlinkLoggingOptionResource())
                .register(new DeliveryStreamResource());
    }
}
