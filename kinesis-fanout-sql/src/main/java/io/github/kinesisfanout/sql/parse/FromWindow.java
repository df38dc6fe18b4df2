package io.github.kinesisfanout.sql.parse;

import org.apache.calcite.sql.SqlWindow;

/**
 * The window of a FROM item in a join of two streams (reference §4.6): {@code FROM A OVER (RANGE INTERVAL '1'
 * MINUTE PRECEDING) AS a} or {@code FROM A OVER w AS a} with {@code WINDOW w AS (...)}. Calcite's grammar has no
 * window after a table reference, so the dialect rewrite blanks it out of the query text and keeps it here, keyed by
 * where the FROM item starts.
 *
 * @param pos where OVER is
 * @param window the inline window, as Calcite parsed it (positions are original positions), or null
 * @param name the named window, as stored, or null
 * @param namePos where the window name is, or null
 */
public record FromWindow(SourcePos pos, SqlWindow window, String name, SourcePos namePos) {
}
