package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.sql.FlinkTranslation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Writes the application jar (the job jar with the translated script inside), its runtime
 * properties and its content hash into one directory.
 */
public final class FlinkPackageOperation {

    /** The names of the files written, under the output directory. */
    public static final String SCRIPT = "application.sql";
    public static final String JAR = "application.jar";
    public static final String PROPERTIES = "application.properties.json";

    private final ProgressListener listener;
    private final Supplier<InputStream> jobJar;

    /** @param jobJar opens the job jar to copy (the plugin's embedded one: {@link JobJar#embedded()}) */
    public FlinkPackageOperation(ProgressListener listener, Supplier<InputStream> jobJar) {
        this.listener = listener;
        this.jobJar = jobJar;
    }

    /** Writes the jar with {@code translation}'s script, and {@code properties}, into {@code directory}. */
    public FlinkPackage run(FlinkTranslation translation, JobProperties properties, Path directory) {
        Path jar = directory.resolve(JAR);
        JobJar.write(jobJar.get(), translation.script(), jar);
        Path propertiesFile = directory.resolve(PROPERTIES);
        properties.write(propertiesFile);
        String sha256 = ContentHash.writeBeside(jar);
        FlinkPackage written = new FlinkPackage(directory.resolve(SCRIPT), jar, propertiesFile, sha256);
        listener.info("Application jar " + jar + " (SHA-256 " + sha256 + ", e.g. S3 key " + written.s3Key() + ")");
        listener.info("Runtime properties " + propertiesFile + " (EnvironmentProperties.PropertyGroups)");
        return written;
    }
}
