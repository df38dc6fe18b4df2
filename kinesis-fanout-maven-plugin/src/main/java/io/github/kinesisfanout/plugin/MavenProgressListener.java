package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.ProgressListener;
import org.apache.maven.plugin.logging.Log;

/** Maps an operation's progress onto Maven's build log. */
final class MavenProgressListener implements ProgressListener {

    private final Log log;

    MavenProgressListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
