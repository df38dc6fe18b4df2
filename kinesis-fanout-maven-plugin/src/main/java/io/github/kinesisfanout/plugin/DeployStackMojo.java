package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.app.StackOutputs;
import io.github.kinesisfanout.operations.stack.DeployResult;
import io.github.kinesisfanout.operations.stack.DeployStackOperation;
import io.github.kinesisfanout.operations.stack.StackSettings;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates or updates a CloudFormation stack from a YAML or JSON template and waits until it is
 * complete, streaming its events. An {@code AWS::Lambda::Function} whose {@code Code} is a local
 * path ({@code Code: target/consumers.jar}, relative to the project directory) has that file
 * uploaded to the artifact bucket first. The outputs become project properties
 * {@code fanout.output.<Key>} and the file stackOutputsFile.
 */
@Mojo(name = DeployStackMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class DeployStackMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "deploy-stack";

    /** Prefix of the user properties that set template parameters: -Dfanout.parameter.NAME=value. */
    public static final String PARAMETER_PROPERTY_PREFIX = PropertyNames.TEMPLATE_PARAMETER_PREFIX;

    /** Prefix of the project properties that receive the stack outputs: the one the reading goals look for. */
    public static final String OUTPUT_PROPERTY_PREFIX = PropertyNames.STACK_OUTPUT_PREFIX;

    /** The template, YAML (short-form tags such as !Ref allowed) or JSON. */
    @Parameter(property = "fanout.templateFile", defaultValue = "${project.basedir}/src/main/cloudformation/template.yaml")
    protected File templateFile;

    /** The stack's name. */
    @Parameter(property = "fanout.stackName", defaultValue = "${project.artifactId}")
    protected String stackName;

    /**
     * Template parameter values, e.g. {@code <parameters><Environment>dev</Environment></parameters>}.
     * Each can be overridden on the command line with {@code -Dfanout.parameter.NAME=value}.
     */
    @Parameter
    protected Map<String, String> parameters = new LinkedHashMap<>();

    /** Stack tags, e.g. {@code <tags><team>data</team></tags>}. */
    @Parameter
    protected Map<String, String> tags = new LinkedHashMap<>();

    /**
     * Capabilities to acknowledge on top of those derived from the template (CAPABILITY_IAM for IAM
     * resources, CAPABILITY_NAMED_IAM when one has a custom name), comma-separated on the command line.
     */
    @Parameter(property = "fanout.capabilities")
    protected List<String> capabilities = new ArrayList<>();

    /** The S3 bucket local Lambda code is uploaded to; unset: kinesis-fanout-artifacts-ACCOUNT-REGION, created when missing. */
    @Parameter(property = "fanout.artifactBucket")
    protected String artifactBucket;

    /** Only print the change set of what would change, as a table; nothing is executed. */
    @Parameter(property = "fanout.preview", defaultValue = "false")
    protected boolean preview;

    /**
     * Where the stack outputs are written as JSON: the file create-app, discover-schema and the Flink goals
     * read under the same property. {@code <outputsFile>} and {@code -Dfanout.outputsFile} are the old names.
     */
    @Parameter(alias = "outputsFile", property = "fanout.stackOutputsFile",
            defaultValue = "${project.build.directory}/kinesis-fanout/stack-outputs.json")
    protected File stackOutputsFile;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        StackSettings settings = new StackSettings()
                .stackName(require(stackName, "stackName", "NAME"))
                .templateFile(templateFile.toPath())
                .baseDirectory(project.getBasedir().toPath())
                .parameters(effectiveParameters())
                .tags(tags)
                .capabilities(capabilities)
                .artifactBucket(artifactBucket)
                .preview(preview)
                .outputsFile(effectiveOutputsFile().toPath())
                .waitTimeout(waitTimeoutDuration())
                .pollInterval(Duration.ofMillis(100));
        DeployResult result = new DeployStackOperation(clients(), listener()).run(settings);
        if (preview) {
            return;
        }
        Properties properties = project.getProperties();
        result.outputs().forEach((key, value) -> {
            properties.setProperty(OUTPUT_PROPERTY_PREFIX + key, value);
            getLog().info("  " + OUTPUT_PROPERTY_PREFIX + key + " = " + value);
        });
        getLog().info("Stack outputs written to " + effectiveOutputsFile());
    }

    /** The outputs file, honouring the old -Dfanout.outputsFile when the current property is not set. */
    private File effectiveOutputsFile() {
        Properties user = session.getUserProperties();
        String old = user.getProperty(PropertyNames.OLD_OUTPUTS_FILE);
        if (old == null || user.getProperty(PropertyNames.STACK_OUTPUTS_FILE) != null) {
            return stackOutputsFile;
        }
        getLog().warn("-D" + PropertyNames.OLD_OUTPUTS_FILE + " is the old name of -D" + PropertyNames.STACK_OUTPUTS_FILE
                + "; use the new one, which the"
                + " goals that read the file use too");
        File file = new File(old);
        return file.isAbsolute() ? file : new File(project.getBasedir(), old);
    }

    /** The configured parameters, overridden by -Dfanout.parameter.NAME=value. */
    private Map<String, String> effectiveParameters() {
        Map<String, String> values = new LinkedHashMap<>(parameters);
        Properties user = session.getUserProperties();
        for (String name : user.stringPropertyNames()) {
            if (name.startsWith(PARAMETER_PROPERTY_PREFIX) && name.length() > PARAMETER_PROPERTY_PREFIX.length()) {
                values.put(name.substring(PARAMETER_PROPERTY_PREFIX.length()), user.getProperty(name));
            }
        }
        return values;
    }
}
