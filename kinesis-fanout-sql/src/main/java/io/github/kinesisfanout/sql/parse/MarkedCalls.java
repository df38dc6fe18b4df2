package io.github.kinesisfanout.sql.parse;

import java.util.Map;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnresolvedFunction;

/**
 * Gives back, after Calcite has parsed the rewritten text, the names of the calls {@link DialectRewriter} had to
 * write otherwise: {@code ANY(b)} (ANY is a keyword to Calcite, so it was parsed as {@code $NY(b)}) and
 * {@code NTH_VALUE(x, n) FROM LAST} (Calcite has no FROM FIRST / FROM LAST, so they were blanked), whose call is
 * renamed {@link #NTH_VALUE_FROM_LAST}. Calls are found by the position of their name.
 */
public final class MarkedCalls {

    /** The name an {@code NTH_VALUE(...) FROM LAST} call is given in the parsed tree. */
    public static final String NTH_VALUE_FROM_LAST = "NTH_VALUE FROM LAST";

    private MarkedCalls() {
    }

    /** Renames, in place, every call of {@code node} whose name sits at a position of {@code names}. */
    static void restore(SqlNode node, Map<SourcePos, String> names) {
        if (names.isEmpty() || node == null) {
            return;
        }
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                restore(item, names);
            }
            return;
        }
        if (!(node instanceof SqlCall call)) {
            return;
        }
        String name = names.get(SourcePos.of(call.getParserPosition()));
        if (name != null && call instanceof SqlBasicCall basic && call.getOperator() instanceof SqlUnresolvedFunction) {
            basic.setOperator(new SqlUnresolvedFunction(new SqlIdentifier(name, call.getParserPosition()), null, null,
                    null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION));
        }
        for (SqlNode operand : call.getOperandList()) {
            restore(operand, names);
        }
    }
}
