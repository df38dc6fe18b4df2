package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Resolves the Flink runtime classpath of the forked job JVM through the build's own repository
 * system, so the same repositories, mirrors, proxies and offline mode apply as to any dependency.
 * The coordinates are already the whole runtime closure, so each is resolved as it is, in order.
 */
final class FlinkRuntimeResolver {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    FlinkRuntimeResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /** The jars of {@code coordinates} ({@code group:artifact:version}) in order, or the failure naming what is missing. */
    List<Path> resolve(String flinkVersion, List<String> coordinates) {
        List<ArtifactRequest> requests = new ArrayList<>();
        for (String coordinate : coordinates) {
            requests.add(new ArtifactRequest(new DefaultArtifact(coordinate), repositories, null));
        }
        try {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveArtifacts(session, requests)) {
                jars.add(result.getArtifact().getFile().toPath());
            }
            return jars;
        } catch (ArtifactResolutionException e) {
            List<String> missing = new ArrayList<>();
            for (ArtifactResult result : e.getResults()) {
                if (!result.isResolved()) {
                    missing.add(coordinate(result.getRequest().getArtifact()));
                }
            }
            throw HelpfulSuggestions.flinkArtifactsMissing(flinkVersion, missing, session.isOffline(), reason(e));
        }
    }

    private static String coordinate(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
    }

    /** Why the first missing artifact is missing ("cannot access ... in offline mode", "not found in ..."). */
    private static String reason(ArtifactResolutionException e) {
        for (ArtifactResult result : e.getResults()) {
            if (!result.isResolved() && !result.getExceptions().isEmpty()) {
                return result.getExceptions().get(0).getMessage();
            }
        }
        return e.getMessage();
    }
}
