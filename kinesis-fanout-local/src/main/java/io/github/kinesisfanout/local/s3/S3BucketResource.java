package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.Set;

/**
 * AWS::S3::Bucket: Ref is the bucket name; Fn::GetAtt Arn, DomainName, RegionalDomainName. A new
 * BucketName replaces the bucket; deleting a bucket that still has objects fails, as on AWS.
 */
public final class S3BucketResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::S3::Bucket";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn", "DomainName", "RegionalDomainName", "WebsiteURL");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("BucketName");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("BucketName") != null ? context.text("BucketName") : context.generatedName(63, true);
        context.call("s3", "CreateBucket", ResourceContext.input().put("Bucket", name));
        return provisioned(context, name);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        return provisioned(context, current.physicalId());
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        try {
            context.call("s3", "DeleteBucket", ResourceContext.input().put("Bucket", current.physicalId()));
        } catch (AwsServiceException e) {
            if (!S3Errors.NO_SUCH_BUCKET.is(e)) {
                throw e;
            }
        }
    }

    private static ProvisionedResource provisioned(ResourceContext context, String name) {
        String region = context.request().region();
        return ProvisionedResource.of(name, "Arn", "arn:aws:s3:::" + name,
                "DomainName", name + ".s3.amazonaws.com",
                "RegionalDomainName", name + ".s3." + region + ".amazonaws.com",
                "WebsiteURL", "http://" + name + ".s3-website-" + region + ".amazonaws.com");
    }
}
