package io.github.kinesisfanout.sample;

/** Consumes the PositiveTransactions stream: logs each row of POSITIVE_TRANSACTIONS (AMOUNT >= 0). */
public final class PositiveTransactionsHandler extends TransactionLogHandler {

    public PositiveTransactionsHandler() {
        super("POSITIVE_TRANSACTIONS");
    }
}
