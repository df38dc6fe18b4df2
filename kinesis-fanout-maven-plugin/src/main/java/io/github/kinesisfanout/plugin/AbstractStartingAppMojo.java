package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import org.apache.maven.plugins.annotations.Parameter;

/** The starting position the goals that may start the application share, checked before any call. */
public abstract class AbstractStartingAppMojo extends AbstractAppMojo {

    /** Where reading starts: NOW, TRIM_HORIZON or LAST_STOPPED_POINT. */
    @Parameter(property = "fanout.startingPosition", defaultValue = "NOW")
    protected String startingPosition;

    /** The starting position in upper case, or the fix-it failure when it is none of the three. */
    protected final String startingPosition() {
        String position = startingPosition.trim().toUpperCase(java.util.Locale.ROOT);
        if (!position.matches("NOW|TRIM_HORIZON|LAST_STOPPED_POINT")) {
            throw HelpfulSuggestions.invalidParameter("startingPosition", "fanout.startingPosition", startingPosition,
                    "it must be NOW, TRIM_HORIZON or LAST_STOPPED_POINT");
        }
        return position;
    }
}
