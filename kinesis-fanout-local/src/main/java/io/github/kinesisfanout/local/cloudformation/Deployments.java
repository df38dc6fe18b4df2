package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.cloudformation.template.Template;
import io.github.kinesisfanout.local.cloudformation.template.TemplateValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs stack operations asynchronously, as AWS does: the API call returns once the operation is
 * accepted and DescribeStacks shows it progress. Owns the executor and the state machines.
 */
final class Deployments implements AutoCloseable {

    private final ExecutorService executor;
    private final ResourceSteps steps;
    private final StackEngine engine;
    private final StackUpdate update;
    private final ResourceHandlers handlers;
    private final Clock clock;

    Deployments(ResourceHandlers handlers, ServiceDirectory services, Clock clock, Duration statusTransitionDelay) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "cloudformation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.handlers = handlers;
        this.clock = clock;
        this.steps = new ResourceSteps(handlers, services, clock, statusTransitionDelay);
        this.engine = new StackEngine(steps);
        this.update = new StackUpdate(steps, engine);
    }

    StackEngine engine() {
        return engine;
    }

    StackUpdate update() {
        return update;
    }

    Clock clock() {
        return clock;
    }

    ResourceHandlers handlers() {
        return handlers;
    }

    /** Checks references, GetAtt attributes and cycles against the supported resource types. */
    void validate(Template template) {
        new TemplateValidator(handlers::attributesOf).validate(template);
    }

    /**
     * Runs an operation of a stack in the background; an unexpected error fails the stack with its
     * message rather than leaving it in progress forever.
     */
    void submit(Stack stack, String failedStatus, Runnable operation) {
        executor.execute(() -> {
            try {
                operation.run();
            } catch (RuntimeException e) {
                stack.transition(failedStatus, "Internal error in the local cloud: " + e, clock.instant());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
