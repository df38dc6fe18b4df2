package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.List;
import java.util.Set;

/**
 * What names an expression of one SELECT can see: the columns of its FROM stream.
 *
 * @param stream the stream read
 * @param qualifiers names that may qualify a column: the stream name and its alias
 * @param commaSubstrings positions of comma-form SUBSTRING calls in the pump
 * @param positions receives where each expression was written
 */
record Scope(StreamDef stream, Set<String> qualifiers, Set<SourcePos> commaSubstrings, ExprPositions positions) {

    Scope(StreamDef stream, Set<String> qualifiers, Set<SourcePos> commaSubstrings) {
        this(stream, qualifiers, commaSubstrings, new ExprPositions());
    }

    List<String> columnNames() {
        return stream.columns().stream().map(StreamDef.ColumnDef::name).toList();
    }
}
