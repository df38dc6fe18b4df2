package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several JSON documents in one preprocessed record become one record each, with their bytes untouched. */
class JsonDocumentsTest {

    @Test
    void splitsConcatenatedObjectsKeepingTheirText() {
        assertEquals(List.of("{\"A\":1.50}", "{\"B\":{\"C\":[1,2]}}", "{\"D\":\"}{\"}"),
                split("{\"A\":1.50}\n{\"B\":{\"C\":[1,2]}} {\"D\":\"}{\"}\n"));
    }

    @Test
    void leavesOneDocumentAndWhatIsNotASequenceOfObjectsWhole() {
        assertEquals(List.of(" {\"A\":1}\n"), split(" {\"A\":1}\n"));
        assertEquals(List.of("a,b,c\nd,e,f"), split("a,b,c\nd,e,f"));
        assertEquals(List.of("{\"A\":1} [2]"), split("{\"A\":1} [2]"));
        assertEquals(List.of("{\"A\":1} {\"B\":"), split("{\"A\":1} {\"B\":"));
    }

    private static List<String> split(String text) {
        return JsonDocuments.split(text.getBytes(StandardCharsets.UTF_8)).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }
}
