package io.github.kinesisfanout.local.analyticsv2;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the complete lines a job appended to its log file since the last read. */
final class LogTail {

    private final Path file;
    private long position;
    private final StringBuilder partial = new StringBuilder();

    LogTail(Path file) {
        this.file = file;
    }

    /** The new complete lines; with {@code flush} also a last unterminated one. */
    synchronized List<String> read(boolean flush) {
        List<String> lines = new ArrayList<>();
        if (file != null && Files.exists(file)) {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length > position) {
                    byte[] bytes = new byte[(int) Math.min(length - position, 1 << 20)];
                    in.seek(position);
                    in.readFully(bytes);
                    position += bytes.length;
                    partial.append(new String(bytes, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                lines.add("(cannot read the job log " + file + ": " + e.getMessage() + ")");
            }
        }
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            partial.delete(0, newline + 1);
        }
        if (flush && partial.length() > 0) {
            lines.add(partial.toString());
            partial.setLength(0);
        }
        return lines;
    }
}
