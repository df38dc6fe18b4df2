package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.AnalyzedApplication;
import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.SemanticError;
import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What one translation collects: refusals, the construct table, warnings and the functions used. */
final class Context {

    /** Where constructs of the input schema and outputs mapping are reported: they have no line. */
    static final SourcePos CONFIGURATION = new SourcePos(0, 0);

    final AnalyzedApplication app;
    final FlinkTranslator.Settings settings;
    final List<SemanticError> errors = new ArrayList<>();
    final List<FlinkTranslator.Construct> constructs = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Set<Udf> udfs = EnumSet.noneOf(Udf.class);

    Context(AnalyzedApplication app, FlinkTranslator.Settings settings) {
        this.app = app;
        this.settings = settings;
    }

    SourcePos pos(Expr e, SourcePos fallback) {
        return app.positionOf(e, fallback);
    }

    void construct(SourcePos pos, String kda, String flink, String difference) {
        constructs.add(new FlinkTranslator.Construct(pos == null ? CONFIGURATION : pos, kda, flink, difference));
    }

    /** Refuses a construct; the returned text keeps the rest of the translation going so every refusal is found. */
    String refuse(SourcePos pos, String construct, String fix) {
        errors.add(new SemanticError(pos == null ? new SourcePos(1, 1) : pos, construct
                + " has no Flink SQL equivalent: " + fix));
        return "NULL";
    }

    /** Calls a function the job ships, declared at the top of the script. */
    String udf(Udf udf, SourcePos pos, String kda, String... args) {
        udfs.add(udf);
        construct(pos, kda, "UDF " + udf.name() + " (" + udf.className() + ")", null);
        return udf.name() + "(" + String.join(", ", args) + ")";
    }

    /**
     * Translates a construct whose nearest Flink equivalent differs, only when approximations are allowed.
     *
     * @return whether the approximation may be written
     */
    boolean approximate(SourcePos pos, String construct, String flink, String difference) {
        if (!settings.allowApproximations()) {
            errors.add(new SemanticError(pos, construct + " has no exact Flink SQL equivalent (nearest: " + flink
                    + ", but " + difference + "): rewrite it, or allow approximations to accept the difference"));
            return false;
        }
        warnings.add("line " + pos.line() + ", column " + pos.column() + ": " + construct + " becomes " + flink + ": "
                + difference);
        construct(pos, construct, flink, difference);
        return true;
    }
}
