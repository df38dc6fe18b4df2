package io.github.kinesisfanout.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Query codec: flattened members in, XML results and errors out. */
class QueryWireProtocolTest {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private final RequestContext context = new RequestContext("rid-1", "000000000000", "us-east-1");

    @Test
    void decodesFlattenedListsMapsAndNestedMembers() {
        ObjectNode input = QueryParameters.toMembers(QueryParameters.parseForm(
                "RoleName=r&Tags.member.1.Key=team&Tags.member.1.Value=data&Tags.member.2.Key=env"
                        + "&Tags.member.2.Value=dev&PolicyArns.member.1=arn%3Aa&Attributes.entry.1.key=k"
                        + "&Attributes.entry.1.value=v&Config.Nested.Value=x&Names.1=a&Names.2=b"));
        assertEquals("r", input.path("RoleName").asText());
        assertEquals("team", input.path("Tags").get(0).path("Key").asText());
        assertEquals("dev", input.path("Tags").get(1).path("Value").asText());
        assertEquals("arn:a", input.path("PolicyArns").get(0).asText());
        assertEquals("v", input.path("Attributes").path("k").asText());
        assertEquals("x", input.path("Config").path("Nested").path("Value").asText());
        assertEquals(List.of("a", "b"), List.of(input.path("Names").get(0).asText(), input.path("Names").get(1).asText()));
    }

    @Test
    void rendersResultsWithMemberListsAndTheRequestId() {
        AtomicReference<ObjectNode> seen = new AtomicReference<>();
        AwsService service = service((operation, input) -> {
            seen.set(input);
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            output.putArray("Roles").addObject().put("RoleName", "a&b").putArray("Tags").addObject().put("Key", "k");
            output.put("IsTruncated", false);
            return output;
        });
        EdgeResponse response = new QueryWireProtocol(NS).handle(post("Action=ListRoles&Version=2010-05-08&MaxItems=5"),
                service, context);
        String xml = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.status());
        assertEquals("5", seen.get().path("MaxItems").asText());
        assertTrue(xml.contains("<ListRolesResponse xmlns=\"" + NS + "\"><ListRolesResult><Roles><member>"
                + "<RoleName>a&amp;b</RoleName><Tags><member><Key>k</Key></member></Tags></member></Roles>"
                + "<IsTruncated>false</IsTruncated></ListRolesResult><ResponseMetadata><RequestId>rid-1</RequestId>"
                + "</ResponseMetadata></ListRolesResponse>"), xml);
    }

    @Test
    void writesAnEmptyResultElementForActionsWhoseOutputHasNoMembers() {
        AwsService service = service((operation, input) -> JsonNodeFactory.instance.objectNode());
        QueryWireProtocol protocol = new QueryWireProtocol(NS, java.util.Set.of("ExecuteChangeSet"));
        String executed = new String(protocol.handle(post("Action=ExecuteChangeSet&ChangeSetName=c"), service, context)
                .body(), StandardCharsets.UTF_8);
        String deleted = new String(protocol.handle(post("Action=DeleteStack&StackName=s"), service, context)
                .body(), StandardCharsets.UTF_8);
        assertTrue(executed.endsWith("<ExecuteChangeSetResponse xmlns=\"" + NS + "\"><ExecuteChangeSetResult/>"
                + "<ResponseMetadata><RequestId>rid-1</RequestId></ResponseMetadata></ExecuteChangeSetResponse>"),
                executed);
        assertTrue(deleted.endsWith("<DeleteStackResponse xmlns=\"" + NS + "\"><ResponseMetadata><RequestId>rid-1"
                + "</RequestId></ResponseMetadata></DeleteStackResponse>"), deleted);
    }

    @Test
    void readsTheActionFromTheQueryStringToo() {
        AtomicReference<String> operation = new AtomicReference<>();
        AwsService service = service((op, input) -> {
            operation.set(op);
            return JsonNodeFactory.instance.objectNode().put("Account", "000000000000");
        });
        EdgeRequest get = new EdgeRequest("GET", "/", Map.of("Action", List.of("GetCallerIdentity"),
                "Version", List.of("2011-06-15")), Map.of(), new byte[0]);
        EdgeResponse response = new QueryWireProtocol("https://sts.amazonaws.com/doc/2011-06-15/").handle(get, service,
                context);
        assertEquals("GetCallerIdentity", operation.get());
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains(
                "<GetCallerIdentityResult><Account>000000000000</Account></GetCallerIdentityResult>"));
        EdgeResponse missing = new QueryWireProtocol("ns").handle(post("Version=1"), service, context);
        assertEquals(400, missing.status());
        assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("<Code>MissingAction</Code>"));
    }

    @Test
    void rendersErrorsAsErrorResponse() {
        AwsService service = service((operation, input) -> {
            throw new AwsServiceException("NoSuchEntity", "The role with name x cannot be found.", 404);
        });
        EdgeResponse response = new QueryWireProtocol(NS).handle(post("Action=GetRole&RoleName=x"), service, context);
        assertEquals(404, response.status());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender"
                + "</Type><Code>NoSuchEntity</Code><Message>The role with name x cannot be found.</Message></Error>"
                + "<RequestId>rid-1</RequestId></ErrorResponse>", new String(response.body(), StandardCharsets.UTF_8));
    }

    static EdgeRequest post(String form) {
        return new EdgeRequest("POST", "/", Map.of(), Map.of("content-type", "application/x-www-form-urlencoded"),
                form.getBytes(StandardCharsets.UTF_8));
    }

    static AwsService service(java.util.function.BiFunction<String, ObjectNode, JsonNode> body) {
        return new AwsService() {
            @Override
            public String signingName() {
                return "test";
            }

            @Override
            public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
                return body.apply(operation, input);
            }
        };
    }
}
