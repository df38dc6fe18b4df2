package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.sql.RunningApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running application: shard readers feed one engine thread, whose output rows go to one writer
 * per output. Stopping is clean: readers stop, the engine processes what they handed over, the
 * writers deliver it, and the checkpoints are saved, so a stop and a start from
 * LAST_STOPPED_POINT neither lose nor repeat a record.
 */
final class ApplicationRunner {

    private final RunnerSpec spec;
    private final EngineLoop engine;
    private final InputReaders readers;
    private final List<OutputWriter> writers = new ArrayList<>();
    private final DeliveredPositions delivered;

    private ApplicationRunner(RunnerSpec spec) {
        this.spec = spec;
        RunningApplication running = spec.compiled().start();
        for (ApplicationOutput output : spec.outputs()) {
            OutputWriter writer = new OutputWriter(spec.applicationName() + "-" + output.name(), destination(output),
                    spec.compiled().outputFormat(output.name(), output.recordFormatType()), spec.stopTimeoutMillis());
            running.subscribe(output.name(), writer::accept);
            writers.add(writer);
        }
        // Before the engine thread starts, so the tables are there for the first record (and its rows that do not
        // parse reach error_stream's writer).
        spec.referenceData().forEach(running::loadReference);
        this.engine = new EngineLoop(spec.applicationName(), running, spec.clock());
        this.readers = spec.input().fromFirehose() ? new FirehoseInputReader(spec, engine) : new ShardReaders(spec, engine);
        this.delivered = new DeliveredPositions(readers, engine, writers);
    }

    /** Starts the threads and reading from the starting position. */
    static ApplicationRunner start(RunnerSpec spec, String startingPosition) {
        ApplicationRunner runner = new ApplicationRunner(spec);
        runner.writers.forEach(OutputWriter::start);
        runner.engine.start();
        runner.readers.start(startingPosition);
        runner.delivered.started();
        return runner;
    }

    /** The newest positions whose records every output has delivered: what a durable checkpoint keeps. */
    Map<String, ShardPosition> deliveredPositions() {
        return delivered.advance();
    }

    /** Stops reading, drains the engine and the writers, saves the checkpoints. */
    void stop() {
        Map<String, ShardPosition> positions = readers.stop();
        if (!engine.stop(spec.stopTimeoutMillis())) {
            // An output keeps failing and holds the engine back: AWS would retry forever, but a
            // stop must end, so what is still queued is dropped (and logged).
            writers.forEach(OutputWriter::abandon);
            engine.stop(spec.stopTimeoutMillis());
        }
        writers.forEach(OutputWriter::stop);
        spec.checkpoints().clear();
        spec.checkpoints().putAll(positions);
    }

    private Destination destination(ApplicationOutput output) {
        if (ApplicationOutput.LAMBDA.equals(output.destination())) {
            return new LambdaDestination(spec.lambda(), output.resourceArn(), spec.applicationArn());
        }
        if (ApplicationOutput.FIREHOSE.equals(output.destination())) {
            return new FirehoseDestination(spec.firehose(), output.resourceArn());
        }
        return new KinesisDestination(spec.streams(), output.resourceArn());
    }
}
