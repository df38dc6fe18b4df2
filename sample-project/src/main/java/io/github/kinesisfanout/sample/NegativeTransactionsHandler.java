package io.github.kinesisfanout.sample;

/** Consumes the NegativeTransactions stream: logs each row of NEGATIVE_TRANSACTIONS (AMOUNT < 0). */
public final class NegativeTransactionsHandler extends TransactionLogHandler {

    public NegativeTransactionsHandler() {
        super("NEGATIVE_TRANSACTIONS");
    }
}
