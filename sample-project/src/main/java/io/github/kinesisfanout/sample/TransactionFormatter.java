package io.github.kinesisfanout.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats a transaction as one log line, {@code POSITIVE_TRANSACTIONS ID=17 USERNAME=alice AMOUNT=12.34},
 * led by the in-application stream it came from so a log search for that name finds every record.
 */
public final class TransactionFormatter {

    private final String streamName;

    /** @param streamName the in-application stream the consumer reads, e.g. {@code POSITIVE_TRANSACTIONS} */
    public TransactionFormatter(String streamName) {
        this.streamName = streamName;
    }

    /** The log line of one transaction; AMOUNT always shows the column's two decimals. */
    public String format(Transaction transaction) {
        return streamName
                + " ID=" + transaction.id()
                + " USERNAME=" + transaction.username()
                + " AMOUNT=" + amount(transaction.amount());
    }

    // DECIMAL(5,2) has scale 2, but JSON numbers lose trailing zeros (12.30 arrives as 12.3).
    private static String amount(BigDecimal amount) {
        return amount == null ? "null" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
