package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.parse.Statement;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/** Analyzes a pump: its target stream and columns, its SELECT STREAM branches, and their types. */
final class PumpAnalyzer {

    private final Map<String, StreamDef> streams;
    private final List<SemanticError> errors;
    private final ExprPositions positions;

    PumpAnalyzer(Map<String, StreamDef> streams, List<SemanticError> errors, ExprPositions positions) {
        this.streams = streams;
        this.errors = errors;
        this.positions = positions;
    }

    /** Thrown when a sub-query failed with errors already recorded. */
    static final class Reported extends RuntimeException {
        Reported() {
            super(null, null, false, false);
        }
    }

    /**
     * The analyzed pump, preceded by the hidden pumps of its sub-queries, or null when it has errors
     * (recorded).
     */
    List<PumpDef> analyze(Statement.CreatePump pump) {
        int before = errors.size();
        Derived derived = new Derived(pump.name(), streams);
        try {
            SqlInsert insert = pump.insert();
            StreamDef target = target((SqlIdentifier) insert.getTargetTable());
            List<Integer> columns = targetColumns(insert, target);
            FromWindows windows = new FromWindows(pump.fromWindows());
            SelectAnalyzer analyzer = new SelectAnalyzer(streams, pump.commaSubstrings(), errors, positions, this,
                    derived, windows);
            List<PumpDef.QueryDef> queries = new ArrayList<>();
            SqlNode source = insert.getSource();
            SqlOrderBy order = source instanceof SqlOrderBy o ? o : null;
            List<SelectAnalyzer.Branch> analyzed = branches(order != null ? order.query : source, analyzer);
            Ordering ordering = null;
            if (order != null && !analyzed.isEmpty() && errors.size() == before) {
                try {
                    ordering = OrderAnalyzer.analyze(order, analyzed, target, columns, positions);
                } catch (SemanticError e) {
                    errors.add(e);
                }
            }
            for (SelectAnalyzer.Branch branch : analyzed) {
                try {
                    queries.add(convert(branch, target, columns));
                } catch (SemanticError e) {
                    errors.add(e);
                }
            }
            if (errors.size() == before) {
                errors.addAll(windows.unclaimed());
            }
            if (errors.size() > before) {
                derived.discard();
                return null;
            }
            List<PumpDef> out = new ArrayList<>(derived.createdPumps);
            out.add(new PumpDef(pump.name(), target, columns.stream().mapToInt(Integer::intValue).toArray(), queries,
                    ordering, pump.pos()));
            return out;
        } catch (SemanticError e) {
            errors.add(e);
        } catch (Reported e) {
            // already recorded
        }
        derived.discard();
        return null;
    }

    /** The analyzed SELECT branches of a query; a branch with errors is recorded and left out. */
    private List<SelectAnalyzer.Branch> branches(SqlNode query, SelectAnalyzer analyzer) {
        List<SqlSelect> selects = new ArrayList<>();
        branches(query, selects);
        List<SelectAnalyzer.Branch> out = new ArrayList<>();
        for (SqlSelect select : selects) {
            try {
                SelectAnalyzer.Branch branch = analyzer.analyze(select);
                if (branch != null) {
                    out.add(branch);
                }
            } catch (SemanticError e) {
                errors.add(e);
            }
        }
        return out;
    }

    /**
     * A CURSOR argument of a table function: its rows go to a hidden stream whose columns are its select items,
     * fed by a hidden pump; an ORDER BY in it sorts that pump's rows, which the table function reads in that order.
     */
    StreamDef subquery(SqlNode query, SelectAnalyzer analyzer, Derived derived) {
        return subquery(query, analyzer, derived, null);
    }

    /**
     * A FROM sub-query; an ORDER BY in it sorts its rows, which the outer query must keep.
     *
     * @param reorders when the outer query does not keep the rows' order, the error to raise for an ORDER BY
     */
    StreamDef subquery(SqlNode query, SelectAnalyzer analyzer, Derived derived, SemanticError reorders) {
        int before = errors.size();
        SqlOrderBy order = query instanceof SqlOrderBy o ? o : null;
        if (order != null && reorders != null) {
            throw reorders;
        }
        SqlNode body = order != null ? order.query : query;
        List<SqlSelect> selects = new ArrayList<>();
        branches(body, selects);
        List<SelectAnalyzer.Branch> analyzed = branches(body, analyzer);
        if (errors.size() > before || analyzed.size() != selects.size()) {
            throw new Reported();
        }
        List<StreamDef.ColumnDef> columns = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<SourcePos> stars = starPositions(selects.get(0));
        for (SelectAnalyzer.Item item : analyzed.get(0).items()) {
            String name = item.name();
            if (names.contains(name) && stars.contains(item.pos())) {
                // A column * brings in under a name already taken (the key of a join, in both FROM items) gets
                // the name with the first free number appended (ITEM_ID0), as SQLstream's validator names it.
                String base = name;
                for (int n = 0; names.contains(name); n++) {
                    name = base + n;
                }
            }
            if (!names.add(name)) {
                throw new SemanticError(item.pos(), "The sub-query has two columns named '" + name + "': give one "
                        + "an alias");
            }
            SqlType type = item.expr().type().isNull() ? SqlType.varchar(1) : item.expr().type();
            columns.add(new StreamDef.ColumnDef(name, type, false, declaredMonotonic(selects.get(0), columns.size())));
        }
        SourcePos pos = ExprAnalyzer.pos(query);
        StreamDef stream = derived.stream(columns, pos);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            all.add(i);
        }
        // An ORDER BY in the sub-query sorts its hidden pump's rows; the reader keeps their order (SelectAnalyzer).
        Ordering ordering = order == null ? null : OrderAnalyzer.analyze(order, analyzed, stream, all,
                positions);
        List<PumpDef.QueryDef> queries = new ArrayList<>();
        for (SelectAnalyzer.Branch branch : analyzed) {
            queries.add(convert(branch, stream, all));
        }
        derived.pump(new PumpDef(derived.pumpName(), stream, all.stream().mapToInt(Integer::intValue).toArray(),
                queries, ordering, pos));
        return stream;
    }

    /** The positions of the select list's {@code *} and {@code t.*} items: their columns' item positions. */
    private static java.util.Set<SourcePos> starPositions(SqlSelect select) {
        java.util.Set<SourcePos> stars = new java.util.HashSet<>();
        for (SqlNode node : select.getSelectList()) {
            if (node instanceof SqlIdentifier id && id.isStar()) {
                stars.add(ExprAnalyzer.pos(node));
            }
        }
        return stars;
    }

    /**
     * Whether select item {@code i} is {@code MONOTONIC(expr) [AS name]}: its sub-query column may then drive
     * an outer GROUP BY (reference MONOTONIC). Not looked for past a {@code *}.
     */
    private static boolean declaredMonotonic(SqlSelect select, int i) {
        for (int j = 0; j <= i && j < select.getSelectList().size(); j++) {
            if (select.getSelectList().get(j) instanceof SqlIdentifier id && id.isStar()) {
                return false;
            }
        }
        return i < select.getSelectList().size() && GroupAnalyzer.isDeclared(select.getSelectList().get(i));
    }

    private StreamDef target(SqlIdentifier id) {
        String name = id.names.get(id.names.size() - 1);
        StreamDef target = streams.get(name);
        SourcePos pos = ExprAnalyzer.pos(id);
        if (target == null) {
            throw new SemanticError(pos, "Stream \"" + name + "\" not found" + Suggestions.hint(name, streams.keySet(), "\"")
                    + " (create it with CREATE STREAM before the pump)");
        }
        if (target.role() == StreamDef.Role.INPUT) {
            throw new SemanticError(pos, "Cannot insert into input stream \"" + name + "\"");
        }
        if (target.role() == StreamDef.Role.ERROR) {
            throw new SemanticError(pos, "Cannot insert into error_stream: only the engine writes it");
        }
        if (target.role() == StreamDef.Role.REFERENCE) {
            throw new SemanticError(pos, "Cannot insert into reference table \"" + name + "\": its rows come from its "
                    + "reference data source");
        }
        return target;
    }

    private List<Integer> targetColumns(SqlInsert insert, StreamDef target) {
        List<Integer> columns = new ArrayList<>();
        if (insert.getTargetColumnList() == null) {
            for (int i = 0; i < target.columns().size(); i++) {
                columns.add(i);
            }
            return columns;
        }
        for (SqlNode node : insert.getTargetColumnList()) {
            String name = ((SqlIdentifier) node).getSimple();
            int index = target.indexOf(name);
            if (index < 0) {
                List<String> names = target.columns().stream().map(StreamDef.ColumnDef::name).toList();
                throw new SemanticError(ExprAnalyzer.pos(node), "Column '" + name + "' not found in stream \""
                        + target.name() + "\"" + Suggestions.hint(name, names, "'"));
            }
            if (columns.contains(index)) {
                throw new SemanticError(ExprAnalyzer.pos(node), "Column '" + name + "' is listed twice");
            }
            columns.add(index);
        }
        for (int i = 0; i < target.columns().size(); i++) {
            StreamDef.ColumnDef c = target.columns().get(i);
            if (c.notNull() && !columns.contains(i)) {
                throw new SemanticError(ExprAnalyzer.pos(insert.getTargetColumnList()), "Column '" + c.name()
                        + "' of stream \"" + target.name() + "\" is NOT NULL and gets no value");
            }
        }
        return columns;
    }

    private void branches(SqlNode source, List<SqlSelect> selects) {
        switch (source.getKind()) {
            case SELECT -> selects.add((SqlSelect) source);
            case UNION -> {
                SqlCall union = (SqlCall) source;
                if (!union.getOperator().getName().equals("UNION ALL")) {
                    throw new SemanticError(ExprAnalyzer.pos(source), "UNION without ALL is not supported on streams: "
                            + "use UNION ALL");
                }
                for (SqlNode operand : union.getOperandList()) {
                    branches(operand, selects);
                }
            }
            case ORDER_BY -> throw new SemanticError(ExprAnalyzer.pos(((SqlOrderBy) source).orderList), "ORDER BY is only "
                    + "supported on a pump's whole query or a FROM sub-query");
            case INTERSECT, EXCEPT -> throw new SemanticError(ExprAnalyzer.pos(source), source.getKind()
                    + " is not supported on streams");
            case VALUES -> throw new SemanticError(ExprAnalyzer.pos(source), "VALUES is not supported: a pump reads "
                    + "a stream with SELECT STREAM");
            default -> throw new SemanticError(ExprAnalyzer.pos(source), "Expected SELECT STREAM, found " + source.getKind());
        }
    }

    private PumpDef.QueryDef convert(SelectAnalyzer.Branch branch, StreamDef target, List<Integer> columns) {
        if (branch.items().size() != columns.size()) {
            throw new SemanticError(branch.listPos(), "The SELECT list has " + branch.items().size()
                    + " item" + (branch.items().size() == 1 ? "" : "s") + " but INSERT INTO \"" + target.name()
                    + "\" expects " + columns.size() + " column" + (columns.size() == 1 ? "" : "s"));
        }
        List<Expr> projections = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            StreamDef.ColumnDef column = target.columns().get(columns.get(i));
            SelectAnalyzer.Item item = branch.items().get(i);
            if (!TypeRules.assignable(item.expr().type(), column.type())) {
                throw new SemanticError(item.pos(), "Type mismatch: column '" + column.name() + "' of stream \""
                        + target.name() + "\" is " + column.type() + " but the select item is " + item.expr().type());
            }
            projections.add(ExprAnalyzer.convert(item.expr(), column.type()));
        }
        // An ORDER BY may have added aggregate calls to the group since the branch was analyzed.
        Aggregation aggregation = branch.grouping() == null ? branch.aggregation()
                : branch.grouping().withCallsSince(branch.aggregation());
        return new PumpDef.QueryDef(branch.source(), branch.where(), projections, branch.rowtime(), aggregation,
                branch.windows(), null, null, branch.selectPos());
    }

}
