package io.github.kinesisfanout.local.cloudformation.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intrinsic functions, conditions, dependency order and parameter constraints of the template model. */
class IntrinsicsTest {

    private final TemplateReader reader = new TemplateReader();
    private final JsonNode mappings = reader.read("""
            Regions:
              eu-west-1: {Ami: ami-eu, Zones: 3}
            """);
    private final Map<String, Boolean> conditions = Map.of("IsProd", true, "IsDev", false);

    private final EvaluationContext context = new EvaluationContext() {
        @Override
        public JsonNode ref(String name) {
            return switch (name) {
                case "Env" -> TextNode.valueOf("prod");
                case "AWS::Region" -> TextNode.valueOf("eu-west-1");
                case "Stream" -> TextNode.valueOf("physical-stream");
                case "Subnets" -> reader.read("[a, b, c]");
                default -> throw new TemplateException("unknown " + name);
            };
        }

        @Override
        public JsonNode getAtt(String resource, String attribute) {
            return TextNode.valueOf("arn:" + resource + ":" + attribute);
        }

        @Override
        public boolean condition(String name) {
            return conditions.get(name);
        }

        @Override
        public JsonNode importValue(String exportName) {
            return TextNode.valueOf("imported-" + exportName);
        }

        @Override
        public JsonNode mappings() {
            return mappings;
        }

        @Override
        public String region() {
            return "eu-west-1";
        }
    };

    private String eval(String yaml) {
        JsonNode value = new Intrinsics(context).resolve(reader.read("V: " + yaml).get("V"));
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Test
    void refGetAttAndSub() {
        assertEquals("prod", eval("!Ref Env"));
        assertEquals("arn:Stream:Arn", eval("!GetAtt Stream.Arn"));
        assertEquals("arn:Stream:Arn", eval("!GetAtt [Stream, Arn]"));
        assertEquals("physical-stream in eu-west-1 (arn:Stream:Arn) ${Literal}",
                eval("!Sub \"${Stream} in ${AWS::Region} (${Stream.Arn}) ${!Literal}\""));
        assertEquals("v1-prod", eval("!Sub [\"${Version}-${Env}\", {Version: v1}]"));
        assertEquals("{\"Name\":\"prod\"}", eval("{Name: !Ref Env, Gone: !Ref \"AWS::NoValue\"}"));
    }

    @Test
    void listFunctions() {
        assertEquals("a,b,c", eval("!Join [\",\", !Ref Subnets]"));
        assertEquals("b", eval("!Select [1, !Ref Subnets]"));
        assertEquals("[\"x\",\"\",\"y\"]", eval("!Split [\"|\", \"x||y\"]"));
        assertEquals("eu-west-1b", eval("!Select [1, !GetAZs \"\"]"));
        assertEquals("ami-eu", eval("!FindInMap [Regions, !Ref \"AWS::Region\", Ami]"));
        assertEquals("imported-shared", eval("!ImportValue shared"));
        assertEquals("aGVsbG8=", eval("!Base64 hello"));
        TemplateException e = assertThrows(TemplateException.class, () -> eval("!Select [5, !Ref Subnets]"));
        assertEquals("Template error: Fn::Select cannot select nonexistent value at index 5", e.getMessage());
        TemplateException map = assertThrows(TemplateException.class, () -> eval("!FindInMap [Regions, us-east-1, Ami]"));
        assertEquals("Template error: Unable to get mapping for Regions::us-east-1::Ami", map.getMessage());
    }

    @Test
    void conditionFunctions() {
        Intrinsics intrinsics = new Intrinsics(context);
        assertTrue(intrinsics.condition(reader.read("V: !Equals [prod, !Ref Env]").get("V")));
        assertFalse(intrinsics.condition(reader.read("V: !And [!Condition IsProd, !Condition IsDev]").get("V")));
        assertTrue(intrinsics.condition(reader.read("V: !Or [!Condition IsDev, !Not [!Condition IsDev]]").get("V")));
        assertEquals("big", eval("!If [IsProd, big, small]"));
        assertEquals("[\"kept\"]", eval("[!If [IsDev, dropped, !Ref \"AWS::NoValue\"], kept]"));
    }

    @Test
    void dependencyOrderAndCycles() {
        Template template = Template.parse("""
                Resources:
                  C: {Type: T, Properties: {X: !Sub "${B.Arn}"}}
                  B: {Type: T, Properties: {X: !Join ["", [!Ref A]]}}
                  A: {Type: T}
                  D: {Type: T, DependsOn: [A]}
                """);
        // Each pass takes, in template order, every resource whose dependencies are done.
        assertEquals(java.util.List.of("A", "D", "B", "C"), DependencyGraph.of(template).creationOrder());
        assertEquals(java.util.List.of("C", "B", "D", "A"), DependencyGraph.of(template).deletionOrder());
        Template cyclic = Template.parse("""
                Resources:
                  Waiting: {Type: T, DependsOn: [B]}
                  A: {Type: T, Properties: {X: !GetAtt C.Arn}}
                  B: {Type: T, Properties: {X: !Ref A}}
                  C: {Type: T, DependsOn: B}
                  Free: {Type: T}
                """);
        assertEquals("Circular dependency between resources: [A, B, C]", assertThrows(TemplateException.class,
                () -> DependencyGraph.of(cyclic).creationOrder()).getMessage());
    }

    @Test
    void parameterConstraints() {
        Template template = Template.parse("""
                Parameters:
                  Env: {Type: String, AllowedValues: [dev, prod]}
                  Count: {Type: Number, MinValue: 1, MaxValue: 5}
                  Name: {Type: String, MinLength: 2, MaxLength: 4, AllowedPattern: "[a-z]+"}
                  Ids: {Type: List<Number>}
                  Tag: {Type: String, AllowedPattern: "[A-Z]+", ConstraintDescription: upper case only}
                Resources:
                  A: {Type: T}
                """);
        Map<String, ParameterDeclaration> p = template.parameters();
        assertEquals("Parameter 'Env' must be one of AllowedValues",
                assertThrows(TemplateException.class, () -> p.get("Env").resolve("test")).getMessage());
        assertEquals("Parameter 'Count' must be a number not greater than 5",
                assertThrows(TemplateException.class, () -> p.get("Count").resolve("6")).getMessage());
        assertEquals("Parameter 'Count' must be a number",
                assertThrows(TemplateException.class, () -> p.get("Count").resolve("six")).getMessage());
        assertEquals("Parameter 'Name' must contain at most 4 characters",
                assertThrows(TemplateException.class, () -> p.get("Name").resolve("abcde")).getMessage());
        assertEquals("Parameter 'Name' must match pattern [a-z]+",
                assertThrows(TemplateException.class, () -> p.get("Name").resolve("AB")).getMessage());
        assertEquals("Parameter 'Tag' failed to satisfy constraint: upper case only",
                assertThrows(TemplateException.class, () -> p.get("Tag").resolve("abc")).getMessage());
        assertEquals("[\"1\",\"2\"]", p.get("Ids").resolve("1, 2").toString());
        assertEquals("prod", p.get("Env").resolve("prod").asText());
    }
}
