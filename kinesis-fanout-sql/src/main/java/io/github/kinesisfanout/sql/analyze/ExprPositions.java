package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.IdentityHashMap;
import java.util.Map;

/** Where each analyzed expression was written, by identity, for tools that report on expressions. */
public final class ExprPositions {

    private final Map<Expr, SourcePos> positions = new IdentityHashMap<>();

    void put(Expr expr, SourcePos pos) {
        positions.putIfAbsent(expr, pos);
    }

    /** The position of an expression written in the code, or null for one the analyzer made (a conversion). */
    public SourcePos of(Expr expr) {
        return positions.get(expr);
    }
}
