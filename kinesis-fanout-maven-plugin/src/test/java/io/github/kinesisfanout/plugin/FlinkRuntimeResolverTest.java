package io.github.kinesisfanout.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.junit.jupiter.api.Test;

/** The Flink runtime comes from the build's repository system, in order; what is missing is named with the fix. */
class FlinkRuntimeResolverTest {

    private static final List<String> COORDINATES = List.of("org.apache.flink:flink-core:1.19.3",
            "org.apache.flink:flink-clients:1.19.3");

    @Test
    void resolvesEveryCoordinateInOrder() {
        List<Path> jars = resolver(null).resolve("1.19.3", COORDINATES);

        assertEquals(List.of(Path.of("/repo/flink-core-1.19.3.jar"), Path.of("/repo/flink-clients-1.19.3.jar")), jars);
    }

    @Test
    void offlineWithoutAnArtifactNamesItAndHowToFetchIt() {
        FanoutException e = assertThrows(FanoutException.class,
                () -> resolver("org.apache.flink:flink-clients:1.19.3").resolve("1.19.3", COORDINATES));

        assertTrue(e.getMessage().startsWith("The Flink 1.19.3 runtime cannot be resolved offline ("), e.getMessage());
        assertTrue(e.getMessage().contains("Missing: org.apache.flink:flink-clients:1.19.3."), e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw dependency:get -Dartifact=org.apache.flink:flink-clients:1.19.3"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dfanout.flink.version=VERSION"), e.getMessage());
    }

    /** A repository system whose only answer is resolveArtifacts, failing for {@code missing} (null: none). */
    @SuppressWarnings("unchecked")
    private static FlinkRuntimeResolver resolver(String missing) {
        RepositorySystem system = (RepositorySystem) Proxy.newProxyInstance(RepositorySystem.class.getClassLoader(),
                new Class<?>[] {RepositorySystem.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("resolveArtifacts")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    List<ArtifactResult> results = new ArrayList<>();
                    boolean failed = false;
                    for (ArtifactRequest request : (Collection<ArtifactRequest>) args[1]) {
                        ArtifactResult result = new ArtifactResult(request);
                        String coordinate = request.getArtifact().getGroupId() + ":" + request.getArtifact().getArtifactId()
                                + ":" + request.getArtifact().getVersion();
                        if (coordinate.equals(missing)) {
                            result.addException(new ArtifactNotFoundException(request.getArtifact(), null,
                                    "Cannot access central in offline mode"));
                            failed = true;
                        } else {
                            result.setArtifact(request.getArtifact().setFile(new File("/repo/"
                                    + request.getArtifact().getArtifactId() + "-1.19.3.jar")));
                        }
                        results.add(result);
                    }
                    if (failed) {
                        throw new ArtifactResolutionException(results);
                    }
                    return results;
                });
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setOffline(true);
        return new FlinkRuntimeResolver(system, session, List.of());
    }
}
