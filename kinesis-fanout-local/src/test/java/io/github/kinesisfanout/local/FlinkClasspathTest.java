package io.github.kinesisfanout.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Flink runtime list, its resolution from a Maven repository, and the forked command line. */
class FlinkClasspathTest {

    @Test
    void theRuntimeOfFlink1193HoldsWhatATableJobNeedsButNoConnector() {
        List<String> coordinates = FlinkClasspath.coordinates("1.19.3");
        for (String needed : List.of("flink-table-api-java-bridge", "flink-table-planner-loader", "flink-table-runtime",
                "flink-clients", "flink-streaming-java", "flink-json", "flink-csv", "flink-connector-base",
                "flink-runtime", "flink-core")) {
            assertTrue(coordinates.contains("org.apache.flink:" + needed + ":1.19.3"), needed);
        }
        assertTrue(coordinates.stream().noneMatch(c -> c.contains("kinesis")), coordinates.toString());
        assertEquals(coordinates.size(), coordinates.stream().distinct().count());
    }

    @Test
    void anUnknownVersionIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlinkClasspath.coordinates("0.9"));
        assertTrue(e.getMessage().startsWith("Flink 0.9 is not supported by the local launcher (known versions: 1.19.3)"),
                e.getMessage());
    }

    @Test
    void missingJarsAreListedWithTheCommandThatFetchesThem(@TempDir Path m2) throws Exception {
        Path core = FlinkClasspath.jarPath(m2, "org.apache.flink:flink-core:1.19.3");
        assertEquals(m2.resolve("org/apache/flink/flink-core/1.19.3/flink-core-1.19.3.jar"), core);
        Files.createDirectories(core.getParent());
        Files.write(core, new byte[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FlinkClasspath.fromLocalRepository(m2, "1.19.3"));
        int total = FlinkClasspath.coordinates("1.19.3").size();
        assertTrue(e.getMessage().startsWith("the Flink 1.19.3 runtime is missing " + (total - 1) + " artifact(s) in "
                + m2 + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(
                "\n  mvn dependency:get -Dartifact=org.apache.flink:flink-table-planner-loader:1.19.3"), e.getMessage());
        assertFalse(e.getMessage().contains("-Dartifact=org.apache.flink:flink-core:1.19.3"), e.getMessage());
    }

    @Test
    void theForkedCommandHasTheJava17FlagsTheHeapAndTheProperties(@TempDir Path dir) {
        FlinkJobSpec spec = new FlinkJobSpec(List.of(dir.resolve("a.jar")), dir.resolve("job.jar"), "x.Main",
                dir.resolve("p.json"), dir.resolve("job.log"), List.of("-Dx=1"), "/tmp/sp");
        List<String> command = FlinkJobProcess.command(spec, dir.resolve("job.log.control"));
        assertTrue(command.get(0).endsWith("/bin/java"), command.get(0));
        assertTrue(command.contains("--add-opens=java.base/java.util=ALL-UNNAMED"));
        assertTrue(command.contains(FlinkJobProcess.DEFAULT_HEAP));
        assertTrue(command.contains("-Djava.io.tmpdir=" + dir.resolve("job.log.tmp")), command.toString());
        int main = command.indexOf("x.Main");
        assertEquals(dir.resolve("a.jar") + ":" + dir.resolve("job.jar"), command.get(main - 1));
        assertEquals(List.of("--properties", dir.resolve("p.json").toString(), "--savepoint", "/tmp/sp",
                "--control-file", dir.resolve("job.log.control").toString()),
                command.subList(main + 1, command.size()));
        FlinkJobSpec ownHeap = new FlinkJobSpec(List.of(dir.resolve("a.jar")), dir.resolve("job.jar"), "x.Main",
                null, dir.resolve("job.log"), List.of("-Xmx2g"), null);
        assertFalse(FlinkJobProcess.command(ownHeap, dir.resolve("c")).contains(FlinkJobProcess.DEFAULT_HEAP));
    }
}
