package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response model of lambda-preprocessing.html: what is accepted and why the rest is a preprocessing failure. */
class PreprocessingResponseTest {

    private static final List<String> SENT = List.of("s1", "s2", "s3");

    @Test
    void readsEveryAnswerInTheOrderSent() {
        // "eyJhIjoxfQ==" is base64 of {"a":1}.
        Map<String, PreprocessingResponse.Answer> answers = PreprocessingResponse.read(bytes("""
                {"records":[{"recordId":"s3","result":"Dropped"},
                 {"recordId":"s1","result":"Ok","data":"eyJhIjoxfQ=="},
                 {"recordId":"s2","result":"ProcessingFailed","data":null}]}"""), SENT);
        assertEquals(SENT, List.copyOf(answers.keySet()));
        assertEquals("Ok", answers.get("s1").result());
        assertArrayEquals(bytes("{\"a\":1}"), answers.get("s1").data());
        assertEquals("ProcessingFailed", answers.get("s2").result());
        assertNull(answers.get("s2").data());
        assertEquals("Dropped", answers.get("s3").result());
    }

    @Test
    void aRecordSentButNotAnsweredFailsTheInvocation() {
        assertEquals("The response does not answer recordId s3 (1 of the 3 records sent are missing).", failure("""
                {"records":[{"recordId":"s1","result":"Dropped"},{"recordId":"s2","result":"Dropped"}]}"""));
    }

    @Test
    void anIdNotSentADuplicateOrAMissingIdFailsTheInvocation() {
        assertEquals("The response has recordId s9, which was not sent in this invocation.", failure("""
                {"records":[{"recordId":"s9","result":"Dropped"}]}"""));
        assertEquals("The response answers recordId s1 twice.", failure("""
                {"records":[{"recordId":"s1","result":"Dropped"},{"recordId":"s1","result":"Dropped"}]}"""));
        assertEquals("A response record has no recordId.", failure("""
                {"records":[{"result":"Dropped"}]}"""));
    }

    @Test
    void anUnknownResultOrAnOkWithoutDataFailsTheInvocation() {
        assertEquals("Record s1 has result \"OK\"; it must be Ok, Dropped or ProcessingFailed.", failure("""
                {"records":[{"recordId":"s1","result":"OK","data":"eyJhIjoxfQ=="}]}"""));
        assertEquals("Record s1 has result (none); it must be Ok, Dropped or ProcessingFailed.", failure("""
                {"records":[{"recordId":"s1","data":"eyJhIjoxfQ=="}]}"""));
        assertEquals("Record s1 is Ok but has no data.", failure("""
                {"records":[{"recordId":"s1","result":"Ok"}]}"""));
    }

    @Test
    void aResponseThatIsNotTheModelFailsTheInvocation() {
        assertEquals("The response has no records array.", failure("{\"Records\":[]}"));
        assertEquals("The response has no records array.", failure("null"));
        assertEquals(true, failure("not json").startsWith("The response is not JSON: "));
        assertEquals(true, failure("""
                {"records":[{"recordId":"s1","result":"Ok","data":"%%%"}]}""").startsWith(
                "Record s1 has data that is not base64: "));
    }

    private static String failure(String payload) {
        return assertThrows(PreprocessingResponse.InvalidResponseException.class,
                () -> PreprocessingResponse.read(bytes(payload), SENT)).getMessage();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
