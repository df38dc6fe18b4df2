package io.github.kinesisfanout.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * AWS's published API models, read from the botocore data directory that Debian's {@code awscli}
 * package ships ({@code awscli/botocore/data/<service>/<api-version>/service-2.json[.gz]}).
 *
 * <p>Without the package the tests using it are skipped, except in CI ({@code CI=true}), where a
 * missing model fails them: {@code .ci/run} installs the package there.
 */
final class ServiceModels {

    /** Where to look, first match wins; {@code -Daws.models.dir=DIR} puts DIR first. */
    static final List<Path> ROOTS = List.of(
            Path.of("/usr/lib/python3/dist-packages/awscli/botocore/data"),
            Path.of("/usr/lib/python3/dist-packages/botocore/data"));

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, ServiceModel> CACHE = new ConcurrentHashMap<>();

    private ServiceModels() {
    }

    /** The model of a service, e.g. {@code kinesis}; skips (outside CI) or fails when it cannot be found. */
    static ServiceModel load(String service) {
        return CACHE.computeIfAbsent(service, ServiceModels::read);
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static ServiceModel read(String service) {
        Path root = root();
        Path dir = root.resolve(service);
        Path file = null;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> versions = Files.list(dir)) {
                Path latest = versions.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElse(dir);
                file = Stream.of("service-2.json", "service-2.json.gz").map(latest::resolve)
                        .filter(Files::isRegularFile).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (file == null) {
            return Assertions.fail("no model of " + service + " under " + root
                    + " although the models directory exists: is Debian's awscli package complete?");
        }
        try (InputStream in = open(file)) {
            JsonNode model = MAPPER.readTree(in);
            return new ServiceModel(service, file.getParent().getFileName().toString(), model);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static Path root() {
        String override = System.getProperty("aws.models.dir");
        Stream<Path> candidates = Stream.concat(override == null ? Stream.empty() : Stream.of(Path.of(override)),
                ROOTS.stream());
        Path found = candidates.filter(p -> Files.isDirectory(p.resolve("kinesis"))).findFirst().orElse(null);
        if (found != null) {
            return found;
        }
        String reason = "AWS's API models were not found in " + ROOTS
                + ": they come with Debian's awscli package (apt-get install awscli; .ci/run installs it)";
        if (inCi()) {
            return Assertions.fail(reason);
        }
        Assumptions.abort(reason);
        return null;
    }
}
