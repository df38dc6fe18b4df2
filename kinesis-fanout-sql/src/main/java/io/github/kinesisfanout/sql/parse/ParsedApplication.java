package io.github.kinesisfanout.sql.parse;

import java.util.List;

/**
 * The statements that parsed, and the syntax errors of those that did not.
 *
 * @param statements the statements in order
 * @param errors syntax errors, in order
 */
public record ParsedApplication(List<Statement> statements, List<ParseError> errors) {
}
