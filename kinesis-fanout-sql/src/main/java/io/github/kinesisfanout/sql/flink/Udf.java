package io.github.kinesisfanout.sql.flink;

/**
 * The user-defined functions a translated script may call; the job ships their classes (see
 * {@code udfs.md} beside this class for each signature and its semantics).
 */
enum Udf {
    KDA_INITCAP("Initcap"),
    KDA_REGEX_REPLACE("RegexReplace"),
    KDA_STEP("Step"),
    KDA_STEP_TIMESTAMP("StepTimestamp"),
    KDA_UNIX_TIMESTAMP("UnixTimestamp"),
    KDA_TO_TIMESTAMP("ToTimestamp"),
    KDA_CHAR_TO_TIMESTAMP("CharToTimestamp"),
    KDA_CHAR_TO_DATE("CharToDate"),
    KDA_CHAR_TO_TIME("CharToTime"),
    KDA_TIMESTAMP_TO_CHAR("TimestampToChar"),
    KDA_DATE_TO_CHAR("DateToChar"),
    KDA_TIME_TO_CHAR("TimeToChar");

    /** The package of the job module that holds the function classes. */
    static final String PACKAGE = "io.github.kinesisfanout.flink.functions";

    private final String simpleClassName;

    Udf(String simpleClassName) {
        this.simpleClassName = simpleClassName;
    }

    String className() {
        return PACKAGE + "." + simpleClassName;
    }

    /** The statement that declares the function at the top of a script. */
    String declaration() {
        return "CREATE TEMPORARY SYSTEM FUNCTION " + Sql.id(name()) + " AS " + Sql.str(className()) + ";";
    }
}
