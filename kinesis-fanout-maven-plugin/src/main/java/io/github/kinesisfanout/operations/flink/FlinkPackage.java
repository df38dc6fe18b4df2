package io.github.kinesisfanout.operations.flink;

import java.nio.file.Path;

/**
 * What flink-package wrote: the pair a Managed Flink CreateApplication takes (the jar and its
 * property groups), the script inside the jar, and the jar's content hash.
 *
 * @param script the translated script, also inside the jar
 * @param jar the application jar
 * @param properties the PropertyGroups JSON
 * @param sha256 the jar's SHA-256, hex; also written to {@code application.jar.sha256}
 */
public record FlinkPackage(Path script, Path jar, Path properties, String sha256) {

    /** An S3 key that changes exactly when the jar does, e.g. {@code kinesis-fanout/application-<sha256>.jar}. */
    public String s3Key() {
        return "kinesis-fanout/application-" + sha256 + ".jar";
    }
}
