package io.github.kinesisfanout.local.analytics;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The applications of one account and region, in name order (as ListApplications pages them). */
final class ApplicationRegistry {

    private final NavigableMap<String, Application> applications = new ConcurrentSkipListMap<>();
    private final int limit;

    ApplicationRegistry(int limit) {
        this.limit = limit;
    }

    /** The application, or ResourceNotFoundException. */
    Application get(String name) {
        Application app = applications.get(name);
        if (app == null) {
            throw AnalyticsErrors.notFound(name);
        }
        return app;
    }

    /** Adds a new application; ResourceInUseException when the name is taken, LimitExceeded past the limit. */
    synchronized void add(Application app) {
        if (applications.containsKey(app.name)) {
            throw AnalyticsErrors.RESOURCE_IN_USE.error("Application " + app.name + " already exists.");
        }
        if (applications.size() >= limit) {
            throw AnalyticsErrors.LIMIT_EXCEEDED.error("The maximum number of applications (" + limit
                    + ") per region has been reached.");
        }
        applications.put(app.name, app);
    }

    void remove(Application app) {
        applications.remove(app.name, app);
    }

    /** Applications whose names sort after {@code exclusiveStart} (all when null). */
    Collection<Application> after(String exclusiveStart) {
        return exclusiveStart == null ? applications.values() : applications.tailMap(exclusiveStart, false).values();
    }

    Collection<Application> all() {
        return applications.values();
    }
}
