package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.s3.S3Service;
import java.io.IOException;

/** Reads a function's deployment package from the request ({@code ZipFile}) or from S3 ({@code S3Bucket}/{@code S3Key}). */
final class FunctionPackages {

    private final S3Service s3;

    FunctionPackages(S3Service s3) {
        this.s3 = s3;
    }

    /** @param code the {@code Code} member of CreateFunction, or the input of UpdateFunctionCode */
    byte[] read(JsonNode code, RequestContext context) {
        if (code == null) {
            code = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (Members.has(code, "ZipFile")) {
            try {
                // A binary node from a codec, or base64 text as in the JSON of the REST API.
                byte[] zip = code.get("ZipFile").binaryValue();
                if (zip == null) {
                    throw new IllegalArgumentException("ZipFile is a " + code.get("ZipFile").getNodeType()
                            + ", not a base64 string");
                }
                return zip;
            } catch (IOException | IllegalArgumentException e) {
                throw LambdaErrors.INVALID_PARAMETER_VALUE.error("ZipFile is not valid base64: " + e.getMessage());
            }
        }
        if (Members.has(code, "S3Bucket") && Members.has(code, "S3Key")) {
            try {
                return s3.getObjectBytes(context, code.get("S3Bucket").asText(), code.get("S3Key").asText());
            } catch (AwsServiceException e) {
                // Lambda's wording when it cannot fetch the package from S3.
                throw LambdaErrors.INVALID_PARAMETER_VALUE.error("Error occurred while GetObject. S3 Error Code: "
                        + e.errorCode() + ". S3 Error Message: " + e.getMessage());
            }
        }
        if (Members.has(code, "ImageUri")) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error(
                    "PackageType Image is not supported by the local cloud: deploy a .zip or .jar package");
        }
        throw LambdaErrors.INVALID_PARAMETER_VALUE.error(
                "Please provide a source for function code: ZipFile, or S3Bucket and S3Key");
    }
}
