package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.verify.FanoutReportFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the report verify-fanout wrote says the routing check failed: the verify
 * half of the integration-test/verify split, so the pipeline is torn down in post-integration-test
 * whatever the check found.
 */
@Mojo(name = VerifyReportMojo.GOAL_NAME, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyReportMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "verify-report";

    /** The report verify-fanout wrote. */
    @Parameter(property = "fanout.verify.report",
               defaultValue = "${project.build.directory}/kinesis-fanout/verify-fanout-report.json")
    protected File report;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() throws MojoFailureException {
        FanoutReportFile.Verdict verdict;
        try {
            verdict = FanoutReportFile.read(report.toPath());
        } catch (NoSuchFileException e) {
            throw new FanoutException("No routing report at " + report + ": verify-fanout did not run in this build;"
                    + " bind it to integration-test, or skip this check with -Dfanout.skip");
        } catch (IOException e) {
            throw new FanoutException("Cannot read the routing report " + report + ": " + e.getMessage(), e);
        }
        if (!verdict.passed()) {
            throw new MojoFailureException(failure(verdict.summary(), verdict.problems()));
        }
        getLog().info("Routing check passed: " + verdict.summary());
    }

    /** The failure message: the summary, then one line per problem. */
    static String failure(String summary, List<String> problems) {
        return "Routing check failed: " + summary + System.lineSeparator() + String.join(System.lineSeparator(), problems);
    }
}
