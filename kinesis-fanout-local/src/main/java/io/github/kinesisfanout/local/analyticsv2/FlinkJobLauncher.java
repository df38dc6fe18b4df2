package io.github.kinesisfanout.local.analyticsv2;

/** Starts an application's Flink job (in production a forked JVM running a Flink MiniCluster). */
public interface FlinkJobLauncher {

    /**
     * Fails with {@link FlinkLaunchException} when jobs of this Flink release cannot run here, e.g.
     * because its runtime is not on the classpath nor in the local Maven repository.
     */
    void checkRuntime(String flinkVersion);

    /** Starts the job; it may still be starting when this returns. */
    FlinkJob start(FlinkJobRequest request);

    /** A launcher that refuses every job with the given reason. */
    static FlinkJobLauncher unavailable(String reason) {
        return new FlinkJobLauncher() {
            @Override
            public void checkRuntime(String flinkVersion) {
                throw new FlinkLaunchException(reason);
            }

            @Override
            public FlinkJob start(FlinkJobRequest request) {
                throw new FlinkLaunchException(reason);
            }
        };
    }
}
