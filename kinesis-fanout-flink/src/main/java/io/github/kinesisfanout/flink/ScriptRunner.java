package io.github.kinesisfanout.flink;

import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;

import java.util.ArrayList;
import java.util.List;

/** Runs a script's DDL in order with {@code executeSql} and submits all its INSERTs as one statement set (one job). */
public final class ScriptRunner {

    private final TableEnvironment tableEnvironment;
    private final String scriptName;

    /** A runner on {@code tableEnvironment}; {@code scriptName} names the script in errors. */
    public ScriptRunner(TableEnvironment tableEnvironment, String scriptName) {
        this.tableEnvironment = tableEnvironment;
        this.scriptName = scriptName;
    }

    /** Runs the DDL and submits the INSERTs; the result holds the job's client. */
    public TableResult submit(List<ScriptStatement> statements) {
        List<ScriptStatement> inserts = new ArrayList<>();
        for (ScriptStatement statement : statements) {
            if (statement.isInsert()) {
                inserts.add(statement);
                continue;
            }
            try {
                tableEnvironment.executeSql(statement.text());
            } catch (RuntimeException e) {
                throw PlanningError.of(e, statement, scriptName);
            }
        }
        if (inserts.isEmpty()) {
            throw new JobFailure(scriptName + " has no INSERT statement: there is nothing to run");
        }
        StatementSet set = tableEnvironment.createStatementSet();
        for (ScriptStatement insert : inserts) {
            try {
                set.addInsertSql(insert.text());
            } catch (RuntimeException e) {
                throw PlanningError.of(e, insert, scriptName);
            }
        }
        try {
            return set.execute();
        } catch (RuntimeException e) {
            throw locate(e, inserts);
        }
    }

    /** Finds which INSERT the planner refuses on its own, to name its line; else the whole set's error. */
    private RuntimeException locate(RuntimeException error, List<ScriptStatement> inserts) {
        for (ScriptStatement insert : inserts) {
            try {
                tableEnvironment.explainSql(insert.text());
            } catch (RuntimeException e) {
                return PlanningError.of(e, insert, scriptName);
            }
        }
        return new JobFailure("Flink cannot run the statement set of " + scriptName + ": " + Causes.describe(error),
                error);
    }
}
