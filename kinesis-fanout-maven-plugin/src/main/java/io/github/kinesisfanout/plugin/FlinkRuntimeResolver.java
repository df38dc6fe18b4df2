package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves the Flink runtime classpath of the forked job JVM through the build's own repository
 * system, so the same repositories, mirrors, proxies and offline mode apply as to any dependency.
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

    /**
     * The jars of {@code coordinates} ({@code group:artifact:version}) and their runtime
     * dependencies, in classpath order, or the fix-it failure naming what is missing.
     */
    List<Path> resolve(String flinkVersion, List<String> coordinates) {
        CollectRequest collect = new CollectRequest();
        collect.setRepositories(repositories);
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
        }
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            return paths(system.resolveDependencies(session, request));
        } catch (DependencyResolutionException e) {
            throw HelpfulSuggestions.flinkArtifactsMissing(flinkVersion, missing(e, coordinates), session.isOffline(),
                    rootMessage(e));
        }
    }

    private static List<Path> paths(DependencyResult result) {
        Set<Path> paths = new LinkedHashSet<>();
        for (ArtifactResult artifact : result.getArtifactResults()) {
            paths.add(artifact.getArtifact().getFile().toPath());
        }
        return new ArrayList<>(paths);
    }

    private static List<String> missing(DependencyResolutionException e, List<String> coordinates) {
        List<String> missing = new ArrayList<>();
        DependencyResult result = e.getResult();
        if (result != null) {
            for (ArtifactResult artifact : result.getArtifactResults()) {
                if (!artifact.isResolved()) {
                    missing.add(coordinate(artifact.getRequest().getArtifact()));
                }
            }
        }
        // A failure while collecting (a missing POM) resolves nothing: name what was asked for.
        return missing.isEmpty() ? coordinates : missing;
    }

    private static String coordinate(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
