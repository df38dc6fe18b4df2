package io.github.kinesisfanout.sql.flink;

import java.util.ArrayList;
import java.util.List;

/** The statements of a translated script by kind, written in the order the job runs them. */
final class Script {

    private final List<String> tables = new ArrayList<>();
    private final List<String> views = new ArrayList<>();
    private final List<String> inserts = new ArrayList<>();

    void table(String comment, String text) {
        tables.add("-- " + comment + "\n" + text);
    }

    void view(String comment, String name, String query) {
        views.add("-- " + comment + "\nCREATE TEMPORARY VIEW " + Sql.id(name) + " AS\n" + query + ";");
    }

    void insert(String comment, String table, String query) {
        inserts.add("-- " + comment + "\nINSERT INTO " + Sql.id(table) + "\n" + query + ";");
    }

    String render(List<String> functions) {
        List<String> all = new ArrayList<>(functions);
        all.addAll(tables);
        all.addAll(views);
        all.addAll(inserts);
        return String.join("\n\n", all) + "\n";
    }
}
