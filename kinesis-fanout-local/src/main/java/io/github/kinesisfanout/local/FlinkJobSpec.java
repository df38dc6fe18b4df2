package io.github.kinesisfanout.local;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FlinkJobProcess} forks: the Flink runtime jars, the job jar, its main class (null: the
 * jar's manifest), the JSON property groups, the log file, extra JVM arguments and an optional
 * savepoint to restore from.
 */
public record FlinkJobSpec(List<Path> flinkClasspath, Path jobJar, String mainClass, Path propertiesFile,
        Path logFile, List<String> jvmArgs, String savepointToRestore) {

    /** Checks the paths and copies the lists. */
    public FlinkJobSpec {
        if (flinkClasspath == null || flinkClasspath.isEmpty()) {
            throw new IllegalArgumentException("flinkClasspath is empty: use FlinkClasspath.fromLocalRepository");
        }
        if (jobJar == null || logFile == null) {
            throw new IllegalArgumentException("jobJar and logFile are required");
        }
        flinkClasspath = List.copyOf(flinkClasspath);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }
}
