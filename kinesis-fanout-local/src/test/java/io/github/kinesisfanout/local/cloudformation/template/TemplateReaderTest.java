package io.github.kinesisfanout.local.cloudformation.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** JSON and YAML templates, short-form tags rewritten to their long form. */
class TemplateReaderTest {

    private final TemplateReader reader = new TemplateReader();

    @Test
    void shortFormTagsBecomeLongForm() {
        JsonNode tree = reader.read("""
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  A:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      Name: !Ref Name
                      Arn: !GetAtt B.Arn
                      Arn2: !GetAtt [B, Arn]
                      Joined: !Join [",", [!Ref X, !Sub "${AWS::Region}-x"]]
                      Picked: !Select [0, !Split [",", "a,b"]]
                      Chosen: !If [Cond, !Base64 "x", !Ref "AWS::NoValue"]
                      Found: !FindInMap [M, !Ref "AWS::Region", Key]
                      Azs: !GetAZs ""
                      Imported: !ImportValue Exported
                      Nested: !Sub
                        - "${A}-b"
                        - A: !Ref X
                Conditions:
                  Cond: !And [!Equals [a, !Ref P], !Not [!Condition Other], !Or [!Condition O, !Condition P]]
                """);
        JsonNode props = tree.at("/Resources/A/Properties");
        assertEquals("2010-09-09", tree.get("AWSTemplateFormatVersion").asText());
        assertEquals("{\"Ref\":\"Name\"}", props.get("Name").toString());
        assertEquals("{\"Fn::GetAtt\":[\"B\",\"Arn\"]}", props.get("Arn").toString());
        assertEquals(props.get("Arn"), props.get("Arn2"));
        assertEquals("{\"Fn::Join\":[\",\",[{\"Ref\":\"X\"},{\"Fn::Sub\":\"${AWS::Region}-x\"}]]}",
                props.get("Joined").toString());
        assertEquals("{\"Fn::Select\":[0,{\"Fn::Split\":[\",\",\"a,b\"]}]}", props.get("Picked").toString());
        assertEquals("{\"Fn::If\":[\"Cond\",{\"Fn::Base64\":\"x\"},{\"Ref\":\"AWS::NoValue\"}]}",
                props.get("Chosen").toString());
        assertEquals("{\"Fn::FindInMap\":[\"M\",{\"Ref\":\"AWS::Region\"},\"Key\"]}", props.get("Found").toString());
        assertEquals("{\"Fn::GetAZs\":\"\"}", props.get("Azs").toString());
        assertEquals("{\"Fn::ImportValue\":\"Exported\"}", props.get("Imported").toString());
        assertEquals("{\"Fn::Sub\":[\"${A}-b\",{\"A\":{\"Ref\":\"X\"}}]}", props.get("Nested").toString());
        assertEquals("{\"Fn::And\":[{\"Fn::Equals\":[\"a\",{\"Ref\":\"P\"}]},{\"Fn::Not\":[{\"Condition\":\"Other\"}]},"
                + "{\"Fn::Or\":[{\"Condition\":\"O\"},{\"Condition\":\"P\"}]}]}",
                tree.at("/Conditions/Cond").toString());
    }

    @Test
    void jsonTemplatesAreReadAsIs() {
        JsonNode tree = reader.read("{\"Resources\": {\"A\": {\"Type\": \"T\", \"Properties\": {\"X\": {\"Ref\": \"P\"}}}}}");
        assertEquals("{\"Ref\":\"P\"}", tree.at("/Resources/A/Properties/X").toString());
    }

    @Test
    void malformedYamlNamesTheLine() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> reader.read("Resources:\n  A: [unclosed\n  B: x\n"));
        assertTrue(e.getMessage().startsWith("Template format error: not well-formed JSON or YAML at line"),
                e.getMessage());
    }

    @Test
    void unknownTagIsRejected() {
        TemplateException e = assertThrows(TemplateException.class, () -> reader.read("A: !Bogus x\n"));
        assertEquals("Template format error: unknown tag !Bogus at line 1", e.getMessage());
    }
}
