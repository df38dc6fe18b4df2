package io.github.kinesisfanout.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defects the wire fuzzer found, each pinned: bad input is a 4xx in the protocol's shape, never a crash. */
class HostileInputRegressionTest {

    private final RequestContext context = new RequestContext("rid-1", "000000000000", "us-east-1");

    private static EdgeRequest post(String body, Map<String, String> headers) {
        return new EdgeRequest("POST", "/", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(EdgeResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aMalformedPercentEscapeIsInvalidQueryParameter() {
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> QueryParameters.parseForm("Action=A&X=%zz"));
        assertEquals("InvalidQueryParameter", e.errorCode());
        EdgeResponse answer = new QueryWireProtocol("ns").handle(post("Action=A&X=%zz", Map.of()),
                QueryWireProtocolTest.service((op, in) -> in), context);
        assertEquals(400, answer.status());
        assertTrue(text(answer).contains("<Code>InvalidQueryParameter</Code>"), text(answer));
    }

    @Test
    void deeplyDottedNamesAreRefusedInsteadOfOverflowingTheStack() {
        String name = "a" + ".a".repeat(200_000);
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> QueryParameters.toMembers(Map.of(name, "v")));
        assertEquals("InvalidQueryParameter", e.errorCode());
        // 32 segments still work: a.a...a = v nests 31 structures.
        String deepest = "a" + ".a".repeat(QueryParameters.MAX_NAME_SEGMENTS - 1);
        assertEquals("v", QueryParameters.toMembers(Map.of(deepest, "v")).at("/a".repeat(32)).asText());
    }

    @Test
    void anIndexBeyondIntRangeIsInvalidQueryParameter() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> QueryParameters.toMembers(Map.of("Parameters.member.99999999999.ParameterKey", "k")));
        assertEquals("InvalidQueryParameter", e.errorCode());
    }

    @Test
    void aListAndAStructureUnderOneNameDoNotCrash() {
        var params = new java.util.LinkedHashMap<String, String>();
        params.put("Tags.member.1.Key", "k");
        params.put("Tags.Key", "v");
        assertEquals("v", QueryParameters.toMembers(params).path("Tags").path("Key").asText());
    }

    @Test
    void anOutOfRangeJsonNumberIsASerializationException() {
        EdgeResponse answer = new JsonWireProtocol().handle(post("{\"timestamp\":176E7225600000}",
                Map.of("x-amz-target", "Logs_20140328.PutLogEvents")), QueryWireProtocolTest.service((op, in) -> {
                    in.path("timestamp").decimalValue();
                    return in;
                }), context);
        assertEquals(400, answer.status(), text(answer));
        assertEquals("SerializationException", answer.headers().get("X-Amzn-ErrorType"));
    }

    @Test
    void aStackOverflowInACodecIsAnInternalFailureInTheProtocolsShape() {
        ServiceRouter router = new ServiceRouter("000000000000", "us-east-1");
        QueryWireProtocol query = new QueryWireProtocol("ns");
        router.register(QueryWireProtocolTest.service((op, in) -> in), new WireProtocol() {
            @Override
            public EdgeResponse handle(EdgeRequest request, AwsService service, RequestContext ctx) {
                throw new StackOverflowError();
            }

            @Override
            public EdgeResponse error(EdgeRequest request, AwsServiceException error, RequestContext ctx) {
                return query.error(request, error, ctx);
            }
        });
        EdgeResponse answer = router.route(new EdgeRequest("POST", "/", Map.of("X-Amz-Credential",
                List.of("AKID/20260101/us-east-1/" + QueryWireProtocolTest.service((op, in) -> in).signingName()
                        + "/aws4_request")), Map.of(), new byte[0]), "rid-2");
        assertEquals(500, answer.status());
        assertTrue(text(answer).contains("<Code>InternalFailure</Code>"), text(answer));
        assertFalse(text(answer).contains("java.lang."), text(answer));
    }

    @Test
    void internalFailuresNameTheFailureButCarryNoJavaTrace() {
        EdgeResponse answer = new JsonWireProtocol().handle(post("{}", Map.of("x-amz-target", "X.Op")),
                QueryWireProtocolTest.service((op, in) -> {
                    throw new ClassCastException("class java.lang.Integer cannot be cast to class java.lang.String");
                }), context);
        assertEquals(500, answer.status());
        assertTrue(text(answer).contains("ClassCastException; request rid-1"), text(answer));
        assertFalse(text(answer).contains("java.lang."), text(answer));
        assertEquals(JsonNodeFactory.instance.textNode("InternalFailure").asText(), answer.headers().get("X-Amzn-ErrorType"));
    }
}
