package io.github.kinesisfanout.local.analyticsv2;

import java.nio.file.Path;
import java.util.List;

/** The launcher a local cloud runs Managed Flink jobs with unless told otherwise. */
public final class FlinkLaunchers {

    private FlinkLaunchers() {
    }

    /**
     * Jobs in a forked JVM on a Flink MiniCluster, with the given Flink classpath or, when null, the
     * one found in the local Maven repository.
     */
    public static FlinkJobLauncher forkedJvm(List<Path> flinkClasspath) {
        return new ProcessFlinkJobLauncher(flinkClasspath, ProcessFlinkJobLauncher.defaultRepository());
    }
}
