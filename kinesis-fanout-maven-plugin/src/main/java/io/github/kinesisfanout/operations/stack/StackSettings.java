package io.github.kinesisfanout.operations.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What deploy-stack deploys and how; every setting has a default but the template and the stack name. */
public final class StackSettings {

    String stackName;
    Path templateFile;
    Path baseDirectory = Path.of(".");
    final Map<String, String> parameters = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final List<String> capabilities = new ArrayList<>();
    String artifactBucket;
    boolean preview;
    Path outputsFile = Path.of("target", "kinesis-fanout", "stack-outputs.json");
    Duration waitTimeout = Duration.ofMinutes(30);
    Duration pollInterval = Duration.ofMillis(200);

    public StackSettings stackName(String name) {
        this.stackName = name;
        return this;
    }

    /** The template, YAML or JSON. */
    public StackSettings templateFile(Path file) {
        this.templateFile = file;
        return this;
    }

    /** The directory local code paths in the template ({@code Code: target/app.jar}) are relative to. */
    public StackSettings baseDirectory(Path directory) {
        this.baseDirectory = directory;
        return this;
    }

    /** Template parameter values by name; later calls override earlier ones. */
    public StackSettings parameters(Map<String, String> values) {
        this.parameters.putAll(values);
        return this;
    }

    public StackSettings tags(Map<String, String> values) {
        this.tags.putAll(values);
        return this;
    }

    /** Capabilities acknowledged on top of those the template's IAM resources need. */
    public StackSettings capabilities(List<String> values) {
        this.capabilities.addAll(values);
        return this;
    }

    /** The bucket local Lambda code is uploaded to; null for kinesis-fanout-artifacts-ACCOUNT-REGION. */
    public StackSettings artifactBucket(String bucket) {
        this.artifactBucket = bucket;
        return this;
    }

    /** Only print the change set of what would change; execute nothing. */
    public StackSettings preview(boolean value) {
        this.preview = value;
        return this;
    }

    /** Where the outputs go as JSON. */
    public StackSettings outputsFile(Path file) {
        this.outputsFile = file;
        return this;
    }

    public StackSettings waitTimeout(Duration timeout) {
        this.waitTimeout = timeout;
        return this;
    }

    /** The first interval between two status polls; it grows up to two seconds. */
    public StackSettings pollInterval(Duration interval) {
        this.pollInterval = interval;
        return this;
    }
}
