package io.github.kinesisfanout.sql;

import java.util.List;

/**
 * An application translated to one Flink SQL script.
 *
 * @param script the statements: functions, tables, views, then every INSERT (run as one statement set)
 * @param constructs what each construct became, in order of appearance
 * @param warnings what differs where an approximation was allowed
 */
public record FlinkTranslation(String script, List<FlinkConstruct> constructs, List<String> warnings) {
}
