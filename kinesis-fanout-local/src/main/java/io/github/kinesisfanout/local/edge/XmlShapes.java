package io.github.kinesisfanout.local.edge;

import java.util.Map;
import java.util.Set;

/**
 * Per-service hints for rendering output members as XML where the generic rule (objects become
 * elements, arrays become {@code <member>} lists) is not what the service's model says.
 *
 * @param itemNames array members whose items use another element name, e.g. S3's {@code Buckets -> Bucket}
 * @param flattened array members rendered as repeated elements without a wrapper, e.g. S3's {@code Contents}
 * @param maps object members that are string maps, rendered as {@code <entry><key/><value/></entry>}
 */
public record XmlShapes(Map<String, String> itemNames, Set<String> flattened, Set<String> maps) {

    /** No hints: every array is a {@code <member>} list, every object a nested element. */
    public static final XmlShapes NONE = new XmlShapes(Map.of(), Set.of(), Set.of());

    String itemName(String member) {
        return itemNames.getOrDefault(member, "member");
    }
}
