package io.github.kinesisfanout.sql.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Words Calcite's parser reserves that the dialect's list of reserved words (reference 4.2, "Reserved Words
 * and Keywords", SQL:2008 with the dialect's own additions) does not: SQL:2011/2016 additions (row pattern
 * matching, periods, frames), JSON functions, and other engines' extensions. None of them begins a construct
 * of the dialect, so an unquoted one is a name: of a {@code CREATE STREAM} column, as published applications
 * write it ({@code dateTime TIMESTAMP}), and inside a query ({@code SELECT STREAM dateTime ...}).
 *
 * <p>Calcite cannot be told to treat them as identifiers (its core parser's reserved words are fixed when the
 * parser is generated; the Babel parser that relaxes them is not a dependency), so before a query is parsed each
 * such word is replaced, in the text given to Calcite, by a quoted identifier of the same length
 * ({@code dateTime} becomes {@code "ateTim"}): every offset, line and column stays that of the original code.
 * After parsing, each identifier part starting at a replaced word's position gets the word's name, upper-cased
 * as an unquoted identifier is. A word directly followed by {@code (} is left alone (a function call: none of
 * these is a function of the dialect).
 */
final class CalciteOnlyWords {

    static final Set<String> WORDS = Set.of("ARRAY_MAX_CARDINALITY", "ASOF", "BEGIN_FRAME",
            "BEGIN_PARTITION", "CLASSIFIER", "CONTAINS", "CURRENT_ROW", "DATETIME", "DEFINE", "EMPTY", "END_FRAME",
            "END_PARTITION", "EQUALS", "EXTEND", "FRAME_ROW", "GROUPS", "IMPORT", "INITIAL", "JSON_ARRAY",
            "JSON_ARRAYAGG", "JSON_EXISTS", "JSON_OBJECT", "JSON_OBJECTAGG", "JSON_QUERY", "JSON_SCOPE", "JSON_VALUE",
            "MATCHES", "MATCH_CONDITION", "MATCH_NUMBER", "MATCH_RECOGNIZE", "MEASURE", "MEASURES", "MINUS", "OMIT",
            "ONE", "PATTERN", "PER", "PERIOD", "PERMUTE", "PORTION", "PRECEDES", "PREV", "QUALIFY", "RUNNING",
            "SAFE_CAST", "SAFE_OFFSET", "SAFE_ORDINAL", "SEEK", "SHOW", "SKIP", "SUBSET", "SUCCEEDS", "SYSTEM_TIME",
            "TRIM_ARRAY", "TRY_CAST", "UNSIGNED", "UPSERT", "UUID", "VALUE_OF", "VARIANT", "VERSIONING", "MONDAY",
            "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    /** The replaced words, by the position of their first character. */
    private final Map<SourcePos, Token> replaced = new HashMap<>();

    /** The positions whose identifier was found in a parsed tree and renamed. */
    private final Set<SourcePos> renamed = new java.util.HashSet<>();

    private CalciteOnlyWords() {
    }

    /**
     * Replaces, in {@code text}, each of {@code tokens} that is one of the words by a quoted identifier of the
     * same length.
     *
     * @param text the application code, written over in place
     */
    static CalciteOnlyWords quote(char[] text, List<Token> tokens) {
        CalciteOnlyWords words = new CalciteOnlyWords();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (t.kind() == Token.Kind.WORD && WORDS.contains(t.value()) && !call && t.text().length() >= 3) {
                text[t.start()] = '"';
                text[t.end() - 1] = '"';
                words.replaced.put(t.pos(), t);
            }
        }
        return words;
    }

    /** Gives each identifier part that starts at a replaced word the word's name, upper-cased. */
    void rename(SqlNode node) {
        if (replaced.isEmpty() || node == null) {
            return;
        }
        if (node instanceof SqlIdentifier id) {
            List<String> names = new ArrayList<>(id.names);
            List<org.apache.calcite.sql.parser.SqlParserPos> positions = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < names.size(); i++) {
                org.apache.calcite.sql.parser.SqlParserPos pos = id.getComponentParserPosition(i);
                positions.add(pos);
                Token word = replaced.get(SourcePos.of(pos));
                if (word != null && !names.get(i).isEmpty()) {
                    names.set(i, word.text().toUpperCase(Locale.ROOT));
                    renamed.add(word.pos());
                    changed = true;
                }
            }
            if (changed) {
                id.setNames(names, positions);
            }
        } else if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                rename(item);
            }
        } else if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                rename(operand);
            }
        }
    }

    /**
     * Fails at the first replaced word that no parsed identifier took (Calcite read it where a name is not an
     * identifier, such as a type name); {@code skipped} are the words the dialect rewrite blanked.
     */
    void checkAllRenamed(Set<SourcePos> skipped) {
        replaced.values().stream()
                .filter(t -> !renamed.contains(t.pos()) && !skipped.contains(t.pos()))
                .min(java.util.Comparator.comparingInt(Token::start))
                .ifPresent(t -> {
                    throw new ParseError(t.pos(), "Syntax error: \"" + t.text() + "\" is not expected here");
                });
    }

    /** Calcite's message with the placeholder at {@code pos}, if any, shown as the word the code has. */
    String restore(String message, SourcePos pos) {
        Token word = replaced.get(pos);
        if (word == null) {
            return message;
        }
        String inner = word.text().substring(1, word.text().length() - 1);
        // Calcite shows the token escaped inside its own quotes: Encountered "\"ateTim\"".
        return message.replace("\\\"" + inner + "\\\"", word.text()).replace("\"" + inner + "\"", word.text());
    }
}
