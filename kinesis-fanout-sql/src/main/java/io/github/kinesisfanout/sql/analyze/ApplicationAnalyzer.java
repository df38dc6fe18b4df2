package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.ParsedApplication;
import io.github.kinesisfanout.sql.parse.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the statements of an application in order against a catalog of streams: input streams
 * first, then CREATE STREAM and CREATE PUMP as they come (a pump sees the streams created above it).
 */
public final class ApplicationAnalyzer {

    private ApplicationAnalyzer() {
    }

    /**
     * Analyzes parsed application code.
     *
     * @param parsed the statements
     * @param inputs the input streams, created from the input schemas
     * @param tables the reference tables (role REFERENCE), named apart from the inputs
     * @param errors receives every semantic error found
     * @return the analyzed application (meaningful only when no error was added)
     */
    public static AnalyzedApplication analyze(ParsedApplication parsed, List<StreamDef> inputs, List<StreamDef> tables,
            List<SemanticError> errors) {
        Map<String, StreamDef> streams = new LinkedHashMap<>();
        for (StreamDef input : inputs) {
            streams.put(input.name(), input);
        }
        // Tables share the streams' name space: a FROM item or a CREATE STREAM name is looked up in one place.
        for (StreamDef table : tables) {
            streams.put(table.name(), table);
        }
        StreamDef errorStream = StreamDef.errorStream();
        streams.put(errorStream.name(), errorStream);
        Map<String, List<PumpDef>> pumps = new LinkedHashMap<>();
        ExprPositions positions = new ExprPositions();
        Map<String, Statement.CreatePump> pumpStatements = new LinkedHashMap<>();
        for (Statement statement : parsed.statements()) {
            if (statement instanceof Statement.CreateStream create) {
                createStream(create, streams, pumps, errors);
            } else if (statement instanceof Statement.CreatePump create) {
                if (pumpStatements.containsKey(create.name()) && !create.orReplace()) {
                    errors.add(new SemanticError(create.pos(), "Pump \"" + create.name() + "\" already exists "
                            + "(use CREATE OR REPLACE PUMP to replace it)"));
                    continue;
                }
                pumpStatements.put(create.name(), create);
                List<PumpDef> replaced = pumps.remove(create.name());
                if (replaced != null) {
                    dropDerived(replaced, streams);
                }
                List<PumpDef> pump = new PumpAnalyzer(streams, errors, positions).analyze(create);
                if (pump != null) {
                    pumps.put(create.name(), pump);
                    checkCycle(create.name(), pumps, create, errors, streams);
                }
            }
        }
        List<StreamDef> ordered = new ArrayList<>(streams.values());
        ordered.removeIf(s -> s.role() == StreamDef.Role.REFERENCE);
        ordered.remove(errorStream);
        ordered.add(errorStream);
        List<PumpDef> all = new ArrayList<>();
        pumps.values().forEach(all::addAll);
        return new AnalyzedApplication(ordered, all, positions, List.copyOf(tables));
    }

    private static void dropDerived(List<PumpDef> group, Map<String, StreamDef> streams) {
        for (PumpDef p : group) {
            if (p.target().derived()) {
                streams.remove(p.target().name());
            }
        }
    }

    private static void createStream(Statement.CreateStream create, Map<String, StreamDef> streams,
            Map<String, List<PumpDef>> pumps, List<SemanticError> errors) {
        StreamDef existing = streams.get(create.name());
        if (existing != null && (existing.role() != StreamDef.Role.CREATED || !create.orReplace())) {
            String why = switch (existing.role()) {
                case CREATED -> " (use CREATE OR REPLACE STREAM to replace it)";
                case INPUT -> " as an input stream";
                case REFERENCE -> " as a reference table";
                case ERROR -> " as the system error stream";
            };
            errors.add(new SemanticError(create.pos(), "Stream \"" + create.name() + "\" already exists" + why));
            return;
        }
        Set<String> names = new HashSet<>();
        List<StreamDef.ColumnDef> columns = new ArrayList<>();
        for (Statement.ColumnSpec column : create.columns()) {
            if (!names.add(column.name())) {
                errors.add(new SemanticError(column.pos(), "Column '" + column.name() + "' is declared twice in stream \""
                        + create.name() + "\""));
            }
            if (column.name().equals("ROWTIME")) {
                errors.add(new SemanticError(column.pos(), "ROWTIME is a system column of every stream and cannot be "
                        + "declared"));
            }
            columns.add(new StreamDef.ColumnDef(column.name(), column.type(), column.notNull()));
        }
        if (existing != null) {
            // OR REPLACE drops the stream; pumps that used it are dropped with it.
            pumps.values().removeIf(group -> {
                boolean uses = group.stream().anyMatch(p -> p.target() == existing
                        || p.queries().stream().anyMatch(q -> q.source() == existing));
                if (uses) {
                    dropDerived(group, streams);
                }
                return uses;
            });
        }
        streams.put(create.name(), new StreamDef(create.name(), List.copyOf(columns), StreamDef.Role.CREATED, -1,
                create.pos()));
    }

    /** A pump whose target feeds (through other pumps) one of its own sources would loop forever. */
    private static void checkCycle(String name, Map<String, List<PumpDef>> pumps, Statement.CreatePump create,
            List<SemanticError> errors, Map<String, StreamDef> streams) {
        List<PumpDef> group = pumps.get(name);
        PumpDef main = group.get(group.size() - 1);
        Set<String> reachable = new HashSet<>();
        List<String> work = new ArrayList<>(List.of(main.target().name()));
        while (!work.isEmpty()) {
            String stream = work.remove(work.size() - 1);
            if (!reachable.add(stream)) {
                continue;
            }
            for (List<PumpDef> g : pumps.values()) {
                for (PumpDef p : g) {
                    if (p.queries().stream().anyMatch(q -> q.source().name().equals(stream))) {
                        work.add(p.target().name());
                    }
                }
            }
        }
        for (PumpDef p : group) {
            for (PumpDef.QueryDef query : p.queries()) {
                if (!query.source().derived() && reachable.contains(query.source().name())) {
                    errors.add(new SemanticError(create.pos(), "Pump \"" + name + "\" makes a cycle: stream \""
                            + query.source().name() + "\" would feed itself"));
                    dropDerived(pumps.remove(name), streams);
                    return;
                }
            }
        }
    }
}
