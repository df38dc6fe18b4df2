package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Resolves an identifier of an expression: a column of the FROM stream (optionally qualified by the
 * stream name or its alias), ROWTIME, APPROXIMATE_ARRIVAL_TIME, or a niladic function such as
 * CURRENT_ROW_TIMESTAMP. Names compare exactly as stored (reference §4.2).
 */
final class NameResolver {

    private final Scope scope;

    NameResolver(Scope scope) {
        this.scope = scope;
    }

    Expr resolve(SqlIdentifier identifier) {
        List<String> names = identifier.names;
        Expr row = rowPrefix(identifier);
        if (row != null) {
            return ExprAnalyzer.field(identifier, row, names.get(names.size() - 1));
        }
        if (!scope.sides().isEmpty()) {
            return resolveJoined(identifier);
        }
        if (names.size() > 2) {
            throw new SemanticError(ExprAnalyzer.pos(identifier), "Identifier " + identifier + " has too many parts");
        }
        if (names.size() == 2) {
            String qualifier = names.get(0);
            if (!scope.qualifiers().contains(qualifier)) {
                throw new SemanticError(ExprAnalyzer.pos(identifier), "Stream or alias '" + qualifier
                        + "' is not in the FROM clause" + Suggestions.hint(qualifier, scope.qualifiers(), "'"));
            }
        }
        String name = names.get(names.size() - 1);
        if (name.isEmpty()) {
            throw new SemanticError(ExprAnalyzer.pos(identifier), "* is only allowed as a whole select item");
        }
        int index = scope.stream().indexOf(name);
        if (index >= 0) {
            StreamDef.ColumnDef column = scope.stream().columns().get(index);
            return new Expr.ColumnRef(index, column.name(), column.type());
        }
        if (name.equals("ROWTIME")) {
            return new Expr.SystemColumn(false);
        }
        if (name.equals("APPROXIMATE_ARRIVAL_TIME") && scope.stream().role() == StreamDef.Role.INPUT) {
            return new Expr.SystemColumn(true);
        }
        if (names.size() == 1) {
            Expr niladic = niladic(name);
            if (niladic != null) {
                return niladic;
            }
        }
        List<String> candidates = new ArrayList<>(scope.columnNames());
        candidates.add("ROWTIME");
        if (scope.stream().role() == StreamDef.Role.INPUT) {
            candidates.add("APPROXIMATE_ARRIVAL_TIME");
        }
        String where = scope.stream().derived() ? "the sub-query" : "stream \"" + scope.stream().name() + "\"";
        throw new SemanticError(ExprAnalyzer.pos(identifier), "Column '" + name + "' not found in " + where
                + Suggestions.hint(name, candidates, "'"));
    }

    /** Resolves an identifier against the FROM items of a join: qualified by a side, or unique among them. */
    private Expr resolveJoined(SqlIdentifier identifier) {
        List<String> names = identifier.names;
        if (names.size() > 2) {
            throw new SemanticError(ExprAnalyzer.pos(identifier), "Identifier " + identifier + " has too many parts");
        }
        String name = names.get(names.size() - 1);
        if (name.isEmpty()) {
            throw new SemanticError(ExprAnalyzer.pos(identifier), "* is only allowed as a whole select item");
        }
        if (names.size() == 2) {
            Scope.Side side = scope.side(names.get(0));
            if (side == null) {
                throw new SemanticError(ExprAnalyzer.pos(identifier), "Stream or alias '" + names.get(0)
                        + "' is not in the FROM clause" + Suggestions.hint(names.get(0), scope.qualifiers(), "'"));
            }
            return column(side, name, identifier);
        }
        Scope.Side found = null;
        for (Scope.Side side : scope.sides()) {
            if (side.source().indexOf(name) >= 0) {
                if (found != null) {
                    throw new SemanticError(ExprAnalyzer.pos(identifier), "Column '" + name + "' is ambiguous: both "
                            + found.label() + " and " + side.label() + " have it; qualify it with a stream, table or "
                            + "alias name");
                }
                found = side;
            }
        }
        if (found != null) {
            return column(found, name, identifier);
        }
        Expr system = systemColumn(scope.streamSide(), name, identifier);
        if (system != null) {
            return system;
        }
        Expr niladic = niladic(name);
        if (niladic != null) {
            return niladic;
        }
        List<String> candidates = new ArrayList<>(scope.columnNames().stream().filter(n -> !n.startsWith("$")).toList());
        candidates.add("ROWTIME");
        throw new SemanticError(ExprAnalyzer.pos(identifier), "Column '" + name + "' not found in any FROM item"
                + Suggestions.hint(name, candidates, "'"));
    }

    /** A column of one side of a join, at its place in the joined row. */
    private static Expr column(Scope.Side side, String name, SqlIdentifier identifier) {
        int index = side.source().indexOf(name);
        if (index >= 0) {
            StreamDef.ColumnDef column = side.source().columns().get(index);
            return new Expr.ColumnRef(side.offset() + index, column.name(), column.type());
        }
        if (side.table() && (name.equals("ROWTIME") || name.equals("APPROXIMATE_ARRIVAL_TIME"))) {
            throw new SemanticError(ExprAnalyzer.pos(identifier), "Reference " + side.label() + " has no " + name
                    + ": a table row has no time; use the stream's");
        }
        if (side.rowtime() >= 0 && name.equals("ROWTIME")) {
            // In a join of two streams each side's row keeps its own ROWTIME, a column of the joined row.
            return new Expr.ColumnRef(side.rowtime(), "ROWTIME", SqlType.TIMESTAMP);
        }
        Expr system = side.table() ? null : systemColumn(side, name, identifier);
        if (system != null) {
            return system;
        }
        List<String> candidates = new ArrayList<>(side.source().columns().stream().map(StreamDef.ColumnDef::name)
                .toList());
        throw new SemanticError(ExprAnalyzer.pos(identifier), "Column '" + name + "' not found in " + side.label()
                + Suggestions.hint(name, candidates, "'"));
    }

    /** ROWTIME of a joined row (the stream row's), or APPROXIMATE_ARRIVAL_TIME when the stream is an input; else null. */
    private static Expr systemColumn(Scope.Side stream, String name, SqlIdentifier identifier) {
        if (name.equals("ROWTIME")) {
            return new Expr.SystemColumn(false);
        }
        if (name.equals("APPROXIMATE_ARRIVAL_TIME") && stream != null && stream.rowtime() >= 0) {
            throw new SemanticError(ExprAnalyzer.pos(identifier), "APPROXIMATE_ARRIVAL_TIME in a join of two streams "
                    + "is not supported yet");
        }
        if (name.equals("APPROXIMATE_ARRIVAL_TIME") && stream != null
                && stream.source().role() == StreamDef.Role.INPUT) {
            return new Expr.SystemColumn(true);
        }
        return null;
    }

    /**
     * The ROW column an identifier reads a field of: {@code t.r.F}, or {@code r.F} when {@code r} is not a
     * stream or alias of the FROM clause; null when it is not such a field access.
     */
    private Expr rowPrefix(SqlIdentifier identifier) {
        List<String> names = identifier.names;
        if (names.size() == 3 || (names.size() == 2 && !scope.qualifiers().contains(names.get(0)))) {
            List<String> prefix = names.subList(0, names.size() - 1);
            int index = scope.stream().indexOf(prefix.get(prefix.size() - 1));
            if (index >= 0 && scope.stream().columns().get(index).type().kind() == SqlType.Kind.ROW) {
                return resolve(new SqlIdentifier(prefix, identifier.getParserPosition()));
            }
        }
        return null;
    }

    private static Expr niladic(String name) {
        return switch (name) {
            case "CURRENT_ROW_TIMESTAMP" -> new Expr.Call(Op.CURRENT_ROW_TIMESTAMP, SqlType.TIMESTAMP, List.of());
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP" -> new Expr.Call(Op.CURRENT_TIMESTAMP, SqlType.TIMESTAMP, List.of());
            case "CURRENT_DATE" -> new Expr.Call(Op.CURRENT_DATE, SqlType.DATE, List.of());
            case "CURRENT_TIME", "LOCALTIME" -> new Expr.Call(Op.CURRENT_TIME, SqlType.TIME, List.of());
            default -> null;
        };
    }
}
