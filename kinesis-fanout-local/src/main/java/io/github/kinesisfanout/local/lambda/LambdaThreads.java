package io.github.kinesisfanout.local.lambda;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon threads of one local Lambda: invocations, mapping pollers and timers; shut down with it. */
final class LambdaThreads implements AutoCloseable {

    final ExecutorService invocations = Executors.newCachedThreadPool(named("lambda-invocation"));
    final ExecutorService pollers = Executors.newCachedThreadPool(named("lambda-esm-poller"));
    final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, named("lambda-timer"));

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        timers.shutdownNow();
        pollers.shutdownNow();
        invocations.shutdownNow();
    }
}
