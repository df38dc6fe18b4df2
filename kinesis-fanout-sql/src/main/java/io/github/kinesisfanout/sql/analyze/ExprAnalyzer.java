package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;

/** Resolves and type-checks one expression of a SELECT against its scope. */
final class ExprAnalyzer {

    private final Scope scope;
    private final FunctionAnalyzer functions;
    private final Substitution substitution;

    /** Replaces some nodes before analysis (group keys and aggregates of a GROUP BY query); null keeps a node. */
    interface Substitution {
        Expr substitute(SqlNode node);
    }

    ExprAnalyzer(Scope scope) {
        this(scope, null);
    }

    ExprAnalyzer(Scope scope, Substitution substitution) {
        this.scope = scope;
        this.functions = new FunctionAnalyzer(this, scope);
        this.substitution = substitution;
    }

    static SourcePos pos(SqlNode node) {
        return SourcePos.of(node.getParserPosition());
    }

    /** An expression that must be BOOLEAN (WHERE, CASE WHEN). */
    Expr condition(SqlNode node, String clause) {
        Expr e = analyze(node);
        if (e.type().kind() != SqlType.Kind.BOOLEAN && !e.type().isNull()) {
            throw new SemanticError(pos(node), clause + " must be a BOOLEAN expression, not " + e.type());
        }
        return e;
    }

    Expr analyze(SqlNode node) {
        Expr e = analyzeNode(node);
        scope.positions().put(e, pos(node));
        return e;
    }

    private Expr analyzeNode(SqlNode node) {
        if (substitution != null) {
            Expr substituted = substitution.substitute(node);
            if (substituted != null) {
                return substituted;
            }
        }
        if (node instanceof SqlLiteral literal) {
            return LiteralAnalyzer.literal(literal);
        }
        if (node instanceof SqlIdentifier identifier) {
            return new NameResolver(scope).resolve(identifier);
        }
        if (node instanceof SqlCase sqlCase) {
            return caseExpr(sqlCase);
        }
        if (node instanceof SqlCall call) {
            return call(call);
        }
        throw new SemanticError(pos(node), "Expression " + node + " is not supported");
    }

    private Expr call(SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        switch (call.getKind()) {
            case PLUS: return Arithmetic.binary(Op.PLUS, call, analyze(operands.get(0)), analyze(operands.get(1)));
            case MINUS:
                if (operands.size() == 3) {
                    return Arithmetic.datetimeDiff(call, analyze(operands.get(0)), analyze(operands.get(1)));
                }
                return Arithmetic.binary(Op.MINUS, call, analyze(operands.get(0)), analyze(operands.get(1)));
            case TIMES: return Arithmetic.binary(Op.TIMES, call, analyze(operands.get(0)), analyze(operands.get(1)));
            case DIVIDE: return Arithmetic.binary(Op.DIVIDE, call, analyze(operands.get(0)), analyze(operands.get(1)));
            case MOD: return Arithmetic.binary(Op.MOD, call, analyze(operands.get(0)), analyze(operands.get(1)));
            case MINUS_PREFIX: return Arithmetic.negate(call, analyze(operands.get(0)));
            case PLUS_PREFIX: return Arithmetic.plus(call, analyze(operands.get(0)));
            case EQUALS: return compare(Op.EQ, call);
            case NOT_EQUALS: return compare(Op.NE, call);
            case LESS_THAN: return compare(Op.LT, call);
            case LESS_THAN_OR_EQUAL: return compare(Op.LE, call);
            case GREATER_THAN: return compare(Op.GT, call);
            case GREATER_THAN_OR_EQUAL: return compare(Op.GE, call);
            case AND: return logical(Op.AND, call);
            case OR: return logical(Op.OR, call);
            case NOT: return logical(Op.NOT, call);
            case IS_NULL: return new Expr.Call(Op.IS_NULL, SqlType.BOOLEAN, List.of(analyze(operands.get(0))));
            case IS_NOT_NULL: return new Expr.Call(Op.IS_NOT_NULL, SqlType.BOOLEAN, List.of(analyze(operands.get(0))));
            case IS_UNKNOWN: return new Expr.Call(Op.IS_NULL, SqlType.BOOLEAN, List.of(condition(operands.get(0), "IS UNKNOWN")));
            case IS_TRUE: return logical(Op.IS_TRUE, call);
            case IS_FALSE: return logical(Op.IS_FALSE, call);
            case IS_NOT_TRUE: return logical(Op.IS_NOT_TRUE, call);
            case IS_NOT_FALSE: return logical(Op.IS_NOT_FALSE, call);
            case LIKE: return pattern(Op.LIKE, call);
            case SIMILAR: return pattern(Op.SIMILAR, call);
            case IN: return in(call, false);
            case NOT_IN: return in(call, true);
            case BETWEEN: return between(call);
            case CAST: return Casts.cast(call, analyze(operands.get(0)), operands.get(1));
            case LITERAL_CHAIN: return literalChain(call);
            case COALESCE: return coalesce(call);
            case NULLIF: return nullif(call);
            case DOT: return field(call, analyze(operands.get(0)), ((SqlIdentifier) operands.get(1)).getSimple());
            case OVER:
                throw new SemanticError(pos(call), "An analytic call (OVER) is only allowed in the select list");
            case SELECT:
            case UNION:
            case SCALAR_QUERY:
                throw new SemanticError(pos(call), "sub-queries are not supported yet");
            default:
                if ("||".equals(call.getOperator().getName())) {
                    return concat(call);
                }
                return functions.function(call);
        }
    }

    /** A field of a ROW value (the result of a log parsing function), by name. */
    static Expr field(SqlNode at, Expr row, String name) {
        if (row.type().kind() != SqlType.Kind.ROW) {
            throw new SemanticError(pos(at), "Cannot read field " + name + ": the value is " + row.type() + ", not a ROW");
        }
        int index = row.type().fieldIndex(name);
        if (index < 0) {
            throw new SemanticError(pos(at), "Field '" + name + "' not found in " + row.type() + Suggestions.hint(name,
                    row.type().fields().stream().map(SqlType.Field::name).toList(), "'"));
        }
        return new Expr.Call(Op.FIELD, row.type().fields().get(index).type(), List.of(row), index);
    }

    private Expr compare(Op op, SqlCall call) {
        Expr a = analyze(call.operand(0));
        Expr b = analyze(call.operand(1));
        if (!TypeRules.comparable(a.type(), b.type())) {
            throw new SemanticError(pos(call), "Cannot compare " + a.type() + " with " + b.type()
                    + " (no implicit conversion between these types; use CAST)");
        }
        return new Expr.Call(op, SqlType.BOOLEAN, List.of(a, b));
    }

    private Expr logical(Op op, SqlCall call) {
        List<Expr> args = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            args.add(condition(operand, "The operand of " + call.getOperator().getName()));
        }
        return new Expr.Call(op, SqlType.BOOLEAN, args);
    }

    private Expr pattern(Op op, SqlCall call) {
        List<Expr> args = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            Expr e = analyze(operand);
            if (!e.type().isCharacter() && !e.type().isNull()) {
                throw new SemanticError(pos(operand), call.getOperator().getName() + " expects character operands, not "
                        + e.type());
            }
            args.add(e);
        }
        Expr result = new Expr.Call(op, SqlType.BOOLEAN, args);
        boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
        return negated ? new Expr.Call(Op.NOT, SqlType.BOOLEAN, List.of(result)) : result;
    }

    private Expr in(SqlCall call, boolean negated) {
        Expr value = analyze(call.operand(0));
        if (!(call.operand(1) instanceof SqlNodeList list)) {
            throw new SemanticError(pos(call.operand(1)), "sub-queries are not supported yet");
        }
        List<Expr> args = new ArrayList<>();
        args.add(value);
        for (SqlNode item : list) {
            Expr e = analyze(item);
            if (!TypeRules.comparable(value.type(), e.type())) {
                throw new SemanticError(pos(item), "Cannot compare " + value.type() + " with " + e.type() + " in IN list");
            }
            args.add(e);
        }
        Expr result = new Expr.Call(Op.IN, SqlType.BOOLEAN, args);
        return negated ? new Expr.Call(Op.NOT, SqlType.BOOLEAN, List.of(result)) : result;
    }

    private Expr between(SqlCall call) {
        SqlBetweenOperator operator = (SqlBetweenOperator) call.getOperator();
        List<Expr> args = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            Expr e = analyze(operand);
            if (!args.isEmpty() && !TypeRules.comparable(args.get(0).type(), e.type())) {
                throw new SemanticError(pos(operand), "Cannot compare " + args.get(0).type() + " with " + e.type()
                        + " in BETWEEN");
            }
            args.add(e);
        }
        Op op = operator.flag == SqlBetweenOperator.Flag.SYMMETRIC ? Op.BETWEEN_SYMMETRIC : Op.BETWEEN;
        Expr result = new Expr.Call(op, SqlType.BOOLEAN, args);
        return operator.isNegated() ? new Expr.Call(Op.NOT, SqlType.BOOLEAN, List.of(result)) : result;
    }

    private Expr caseExpr(SqlCase sqlCase) {
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        for (int i = 0; i < sqlCase.getWhenOperands().size(); i++) {
            conditions.add(condition(sqlCase.getWhenOperands().get(i), "CASE WHEN"));
            results.add(analyze(sqlCase.getThenOperands().get(i)));
        }
        SqlNode elseNode = sqlCase.getElseOperand();
        Expr otherwise = elseNode == null ? new Expr.Literal(null, SqlType.NULL) : analyze(elseNode);
        List<Expr> all = new ArrayList<>(results);
        all.add(otherwise);
        SqlType type = commonType(all, sqlCase, "CASE");
        List<Expr> converted = new ArrayList<>();
        for (Expr r : results) {
            converted.add(convert(r, type));
        }
        return new Expr.Case(conditions, converted, convert(otherwise, type), type);
    }

    Expr coalesce(SqlCall call) {
        List<Expr> args = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            args.add(analyze(operand));
        }
        SqlType type = commonType(args, call, "COALESCE");
        return new Expr.Call(Op.COALESCE, type, args.stream().map(a -> convert(a, type)).toList());
    }

    Expr nullif(SqlCall call) {
        Expr a = analyze(call.operand(0));
        Expr b = analyze(call.operand(1));
        if (!TypeRules.comparable(a.type(), b.type())) {
            throw new SemanticError(pos(call), "Cannot compare " + a.type() + " with " + b.type() + " in NULLIF");
        }
        return new Expr.Call(Op.NULLIF, a.type(), List.of(a, b));
    }

    private Expr concat(SqlCall call) {
        Expr a = analyze(call.operand(0));
        Expr b = analyze(call.operand(1));
        for (Expr e : List.of(a, b)) {
            if (!e.type().isCharacter() && !e.type().isNull()) {
                throw new SemanticError(pos(call), "|| expects character operands, not " + e.type());
            }
        }
        int length = Math.min(SqlType.VARCHAR_MAX.precision(), a.type().precision() + b.type().precision());
        return new Expr.Call(Op.CONCAT, SqlType.varchar(length), List.of(a, b));
    }

    private Expr literalChain(SqlCall call) {
        StringBuilder text = new StringBuilder();
        for (SqlNode operand : call.getOperandList()) {
            text.append(((Expr.Literal) analyze(operand)).value());
        }
        return new Expr.Literal(text.toString(), SqlType.character(text.length()));
    }

    SqlType commonType(List<Expr> args, SqlNode at, String what) {
        SqlType type = SqlType.NULL;
        for (Expr e : args) {
            SqlType next = TypeRules.common(type, e.type());
            if (next == null) {
                throw new SemanticError(pos(at), what + " mixes incompatible types " + type + " and " + e.type());
            }
            type = next;
        }
        return type;
    }

    /** The expression converted to {@code type} when its type differs (numeric widening and the like). */
    static Expr convert(Expr e, SqlType type) {
        if (e.type().equals(type) || e.type().isNull() && e instanceof Expr.Literal) {
            return e.type().equals(type) ? e : new Expr.Literal(null, type);
        }
        return new Expr.Cast(e, type, false);
    }

}
