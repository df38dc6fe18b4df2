package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.AnalyzedApplication;
import io.github.kinesisfanout.sql.analyze.PumpDef;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.analyze.StreamJoin;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an analyzed application into pump plans whose expressions are compiled evaluators. Each
 * running instance gets its own plans, so evaluator caches (prepared formats) are never shared
 * between threads.
 */
public final class Planner {

    private Planner() {
    }

    public static List<PumpPlan> plan(AnalyzedApplication app) {
        List<PumpPlan> pumps = new ArrayList<>();
        // Both branches of a join of two streams feed one join: one plan each join.
        Map<StreamJoin, StreamJoinPlan> streamJoins = new IdentityHashMap<>();
        for (PumpDef pump : app.pumps()) {
            List<BranchPlan> branches = new ArrayList<>();
            for (PumpDef.QueryDef query : pump.queries()) {
                Evaluator where = query.where() == null ? null : EvaluatorCompiler.compile(query.where());
                Evaluator[] projections = new Evaluator[query.projections().size()];
                for (int i = 0; i < projections.length; i++) {
                    projections[i] = EvaluatorCompiler.compile(query.projections().get(i));
                }
                Evaluator rowtime = query.rowtime() == null ? null : EvaluatorCompiler.compile(query.rowtime());
                AggregatePlan aggregate = query.aggregation() == null ? null : AggregatePlan.of(query.aggregation());
                SlidingPlan[] windows = query.windows().stream().map(SlidingPlan::of).toArray(SlidingPlan[]::new);
                JoinPlan join = query.join() == null ? null : JoinPlan.of(query.join(),
                        app.tables().indexOf(query.join().table()), query.source().columns().size());
                StreamJoinPlan.Input streamJoin = query.streamJoin() == null ? null : new StreamJoinPlan.Input(
                        streamJoins.computeIfAbsent(query.streamJoin().join(), StreamJoinPlan::of),
                        query.streamJoin().side());
                branches.add(new BranchPlan(index(app, query.source()), where, projections, rowtime, aggregate, windows,
                        query.source().columns().size(), query.tableFunction(), join, streamJoin));
            }
            boolean[] notNull = new boolean[pump.target().columns().size()];
            for (int i = 0; i < notNull.length; i++) {
                notNull[i] = pump.target().columns().get(i).notNull();
            }
            pumps.add(new PumpPlan(pump.name(), index(app, pump.target()), pump.targetColumns(), notNull, branches,
                    pump.ordering() == null ? null : OrderPlan.of(pump.ordering())));
        }
        return pumps;
    }

    private static int index(AnalyzedApplication app, StreamDef stream) {
        for (int i = 0; i < app.streams().size(); i++) {
            if (app.streams().get(i).name().equals(stream.name())) {
                return i;
            }
        }
        throw new IllegalStateException("stream " + stream.name() + " is not in the application");
    }

}
