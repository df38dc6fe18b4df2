package io.github.kinesisfanout.local.edge.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded mutations of valid requests: bytes flipped, inserted, cut; members of the wrong type; huge or deep values. */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private final Random random;

    Mutations(Random random) {
        this.random = random;
    }

    /** One mutated body of the sample, chosen among byte-level and structure-level mutations. */
    byte[] body(WireSample sample) {
        int choice = random.nextInt(10);
        if (choice < 4) {
            return bytes(sample.body());
        }
        if (choice < 5) {
            return Arrays.copyOf(sample.body(), random.nextInt(Math.max(1, sample.body().length)));
        }
        return switch (sample.protocol()) {
            case JSON, REST_JSON -> tree(sample.body(), JSON);
            case CBOR -> tree(sample.body(), CBOR);
            case QUERY -> form(new String(sample.body(), StandardCharsets.UTF_8));
            case REST_XML -> bytes(sample.body());
        };
    }

    /** Random byte edits: flips, inserted random or structural bytes, deleted and duplicated ranges. */
    byte[] bytes(byte[] original) {
        List<Byte> bytes = new ArrayList<>(original.length + 16);
        for (byte b : original) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
                    }
                }
                case 1 -> bytes.add(at, (byte) random.nextInt(256));
                case 2 -> bytes.add(at, (byte) "{}[]\",:=&%.\\\u0000".charAt(random.nextInt(13)));
                case 3 -> {
                    int to = Math.min(bytes.size(), at + random.nextInt(16));
                    bytes.subList(at, to).clear();
                }
                default -> {
                    int to = Math.min(bytes.size(), at + random.nextInt(32));
                    bytes.addAll(at, new ArrayList<>(bytes.subList(at, to)));
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private byte[] tree(byte[] body, ObjectMapper mapper) {
        try {
            JsonNode root = mapper.readTree(body);
            List<ContainerNode<?>> containers = new ArrayList<>();
            collect(root, containers);
            ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
            JsonNode value = value(mapper == CBOR);
            if (target instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                object.set(random.nextInt(4) == 0 ? "Unknown" + random.nextInt(9) : names.get(random.nextInt(names.size())),
                        value);
            } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                array.set(random.nextInt(array.size()), value);
            }
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a seed sample is valid", e);
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            node.forEach(child -> collect(child, into));
        }
    }

    /** A value likely of the wrong type for whatever member it replaces. */
    JsonNode value(boolean binaryAllowed) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(binaryAllowed ? 13 : 12)) {
            case 0 -> nodes.numberNode(random.nextLong());
            case 1 -> nodes.numberNode(new java.math.BigInteger("9".repeat(40 + random.nextInt(60))));
            case 2 -> nodes.numberNode(new java.math.BigDecimal("1e" + (300 + random.nextInt(2000))));
            case 3 -> nodes.numberNode(-1);
            case 4 -> nodes.booleanNode(random.nextBoolean());
            case 5 -> nodes.nullNode();
            case 6 -> nodes.textNode("x".repeat(100_000 + random.nextInt(300_000)));
            case 7 -> nodes.textNode(new String(new char[] {'\u0000', '\uD83D', '\uDE00', '\u202E', 'é'}));
            case 8 -> nodes.arrayNode().add(nodes.objectNode().put("a", 1)).add("s");
            case 9 -> nodes.objectNode().put("Unexpected", true);
            case 10 -> deep(200 + random.nextInt(400));
            case 11 -> nodes.textNode("");
            default -> nodes.binaryNode(new byte[] {1, 2, 3});
        };
    }

    private JsonNode deep(int depth) {
        JsonNode node = JsonNodeFactory.instance.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? JsonNodeFactory.instance.arrayNode().add(node)
                    : JsonNodeFactory.instance.objectNode().set("a", node);
        }
        return node;
    }

    private byte[] form(String form) {
        List<String> pairs = new ArrayList<>(Arrays.asList(form.split("&")));
        int at = random.nextInt(pairs.size());
        String pair = pairs.get(at);
        String name = pair.substring(0, Math.max(0, pair.indexOf('=')));
        String mutated = switch (random.nextInt(8)) {
            case 0 -> name + "=" + "x".repeat(100_000);
            case 1 -> name + "=%zz%";
            case 2 -> "Parameters.member.99999999999.ParameterKey=k";
            case 3 -> "a" + ".a".repeat(5_000) + "=v";
            case 4 -> name + ".member.1=v";
            case 5 -> name;
            case 6 -> "Tags.member.-1.Key=k";
            default -> name + "=" + random.nextLong();
        };
        pairs.set(at, mutated);
        return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
    }

    /** Deeply nested JSON text of about the given depth, beyond any parser's nesting limit. */
    static byte[] deepJson(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
    }
}
