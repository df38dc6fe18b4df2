package io.github.kinesisfanout.flink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads the translated script: the jar's {@code kinesis-fanout/application.sql}, or a file. */
public final class ScriptSource {

    /** The classpath resource holding the script in the application jar. */
    public static final String RESOURCE = "kinesis-fanout/application.sql";

    private final String name;
    private final String text;

    private ScriptSource(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The script of {@code file}, or the classpath resource when {@code file} is null. */
    public static ScriptSource load(String file) {
        if (file != null) {
            Path path = Path.of(file);
            try {
                return new ScriptSource(path.getFileName().toString(), Files.readString(path));
            } catch (NoSuchFileException e) {
                throw new JobFailure("script file " + file + " does not exist");
            } catch (IOException e) {
                throw new JobFailure("cannot read script file " + file + ": " + e.getMessage(), e);
            }
        }
        ClassLoader loader = ScriptSource.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new JobFailure("the job jar holds no " + RESOURCE + ": package the translated script into it,"
                        + " or run with --sql FILE");
            }
            return new ScriptSource("application.sql", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JobFailure("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The name errors use for the script (its file name). */
    public String name() {
        return name;
    }

    /** The script's text. */
    public String text() {
        return text;
    }
}
