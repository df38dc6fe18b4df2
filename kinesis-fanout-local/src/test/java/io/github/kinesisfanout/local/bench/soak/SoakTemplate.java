package io.github.kinesisfanout.local.bench.soak;

/**
 * The sample project's CloudFormation template as the soak deploys it: the consumer code from S3
 * (as deploy-stack uploads it), shards enough for the soak's rate under AWS's per-shard limits
 * (1,000 records/s each: the sample's single input shard cannot take 2,000 records/s), and
 * bisection on function errors on both mappings. Each edit must match the template exactly as
 * often as expected, so a change to the sample fails here rather than deploying something else.
 */
final class SoakTemplate {

    private SoakTemplate() {
    }

    static String rewrite(String template, String bucket, String key, int inputShards, int outputShards) {
        String text = replaceExactly(template, "      Code: target/kinesis-fanout-sample.jar\n",
                "      Code:\n        S3Bucket: " + bucket + "\n        S3Key: " + key + "\n", 2);
        text = replaceExactly(text, "      StartingPosition: TRIM_HORIZON\n",
                "      StartingPosition: TRIM_HORIZON\n      BisectBatchOnFunctionError: true\n", 2);
        text = replaceExactly(text, "      Name: Transactions\n      ShardCount: 1\n",
                "      Name: Transactions\n      ShardCount: " + inputShards + "\n", 1);
        return replaceExactly(text, "      ShardCount: 1\n", "      ShardCount: " + outputShards + "\n", 3);
    }

    private static String replaceExactly(String text, String from, String to, int times) {
        int count = 0;
        for (int at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + from.length())) {
            count++;
        }
        if (count != times) {
            throw new IllegalStateException("the sample template has " + count + " occurrence(s) of '" + from.strip()
                    + "', the soak expects " + times + ": update SoakTemplate to the template");
        }
        return text.replace(from, to);
    }
}
