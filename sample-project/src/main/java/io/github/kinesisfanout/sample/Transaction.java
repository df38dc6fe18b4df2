package io.github.kinesisfanout.sample;

import java.math.BigDecimal;

/**
 * One financial transaction as the SQL application writes it to an output stream.
 *
 * <p>Every member may be null: a column the application could not fill is SQL NULL, and a
 * consumer still has to log the row it received.
 *
 * @param id the ID column (INTEGER)
 * @param username the USERNAME column (VARCHAR(200))
 * @param amount the AMOUNT column (DECIMAL(5,2)), positive or negative
 */
public record Transaction(Integer id, String username, BigDecimal amount) {
}
