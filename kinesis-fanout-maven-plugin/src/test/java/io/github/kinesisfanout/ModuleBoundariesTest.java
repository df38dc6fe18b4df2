package io.github.kinesisfanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reactor's dependency rules, checked on the main sources of every module: the operations
 * layer never touches Maven, the engine touches none of the other modules, and the plugin and the
 * local cloud reach another module only through its root package (its public API).
 */
class ModuleBoundariesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern OURS = Pattern.compile("io\\.github\\.kinesisfanout\\.(sql|local|operations|plugin|flink)"
            + "((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void theOperationsLayerNeverImportsMaven() {
        List<String> offences = new ArrayList<>();
        for (Path file : sources("kinesis-fanout-maven-plugin", "io/github/kinesisfanout/operations")) {
            if (read(file).contains("org.apache.maven")) {
                offences.add(ROOT.relativize(file).toString());
            }
        }
        assertEquals(List.of(), offences, "operations must stay Maven-free: Mojos adapt, operations do the work");
    }

    @Test
    void theEngineReachesNoOtherModule() {
        assertEquals(List.of(), references("kinesis-fanout-sql", "io/github/kinesisfanout/sql", "local", "operations",
                "plugin", "flink"));
    }

    @Test
    void theLocalCloudUsesOnlyTheEnginesPublicApi() {
        assertEquals(List.of(), internalReferences("kinesis-fanout-local", "io/github/kinesisfanout/local", "sql"));
        assertEquals(List.of(), references("kinesis-fanout-local", "io/github/kinesisfanout/local", "operations",
                "plugin"));
    }

    @Test
    void thePluginUsesOnlyThePublicApiOfTheEngineAndTheLocalCloud() {
        assertEquals(List.of(), internalReferences("kinesis-fanout-maven-plugin", "io/github/kinesisfanout", "sql"));
        assertEquals(List.of(), internalReferences("kinesis-fanout-maven-plugin", "io/github/kinesisfanout", "local"));
    }

    @Test
    void theRulesSeeTheSources() {
        assertTrue(sources("kinesis-fanout-maven-plugin", "io/github/kinesisfanout/operations").size() > 50);
        assertTrue(OURS.matcher("io.github.kinesisfanout.local.edge.AwsService").find());
    }

    /** References from a module's package to any class of the named modules. */
    private static List<String> references(String module, String packageDir, String... modules) {
        return scan(module, packageDir, List.of(modules), false);
    }

    /** References from a module's package to classes outside the named modules' root packages. */
    private static List<String> internalReferences(String module, String packageDir, String target) {
        return scan(module, packageDir, List.of(target), true);
    }

    private static List<String> scan(String module, String packageDir, List<String> targets, boolean onlyInternal) {
        List<String> offences = new ArrayList<>();
        for (Path file : sources(module, packageDir)) {
            Matcher m = OURS.matcher(read(file));
            while (m.find()) {
                if (targets.contains(m.group(1)) && (!onlyInternal || !m.group(2).isEmpty())) {
                    offences.add(ROOT.relativize(file) + ": " + m.group());
                }
            }
        }
        return offences;
    }

    private static List<Path> sources(String module, String packageDir) {
        Path dir = ROOT.resolve(module).resolve("src/main/java").resolve(packageDir);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's code lines: Javadoc and comment lines are left out, since they may name what the code must not use. */
    private static String read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//"))
                    .collect(java.util.stream.Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
