package io.github.kinesisfanout.local.analyticsv2;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The Managed Flink applications of one account and region, in name order. */
final class ApplicationStore {

    private final NavigableMap<String, FlinkApplication> applications = new ConcurrentSkipListMap<>();
    private final int limit;

    ApplicationStore(int limit) {
        this.limit = limit;
    }

    FlinkApplication get(String name) {
        FlinkApplication app = applications.get(name);
        if (app == null) {
            throw FlinkErrors.notFound(name);
        }
        return app;
    }

    synchronized void add(FlinkApplication app) {
        if (applications.containsKey(app.name)) {
            throw FlinkErrors.RESOURCE_IN_USE.error("Application " + app.name + " already exists.");
        }
        if (applications.size() >= limit) {
            throw FlinkErrors.LIMIT_EXCEEDED.error("The maximum number of applications (" + limit
                    + ") per region has been reached.");
        }
        applications.put(app.name, app);
    }

    /** The application, or null. */
    FlinkApplication find(String name) {
        return applications.get(name);
    }

    /** Adds an application read back from the data directory (no limit: it was within it when created). */
    void restore(FlinkApplication app) {
        applications.put(app.name, app);
    }

    void remove(FlinkApplication app) {
        applications.remove(app.name, app);
    }

    Collection<FlinkApplication> all() {
        return applications.values();
    }
}
