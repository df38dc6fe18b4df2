package io.github.kinesisfanout.operations.putrecords;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/** Reads records from a JSON-lines file as it goes, one record per non-blank line, sent as the line's text. */
public final class JsonLinesRecords implements RecordSource {

    private final Path file;
    private final BufferedReader reader;
    private String next;

    public JsonLinesRecords(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw HelpfulSuggestions.recordsFileUnreadable(file, "no such file");
        }
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw HelpfulSuggestions.recordsFileUnreadable(file, e.toString());
        }
        advance();
    }

    private void advance() {
        try {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            next = line;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + file, e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public String next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        String current = next.strip();
        advance();
        return current;
    }

    @Override
    public long expectedCount() {
        return -1;
    }

    @Override
    public String describe() {
        return "records of " + file;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Closing " + file, e);
        }
    }
}
