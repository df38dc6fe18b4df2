package io.github.kinesisfanout.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code --verify-signatures ACCESS:SECRET[,ACCESS:SECRET]}; errors never repeat a secret. */
final class SignatureKeys {

    private SignatureKeys() {
    }

    static Map<String, String> parse(String value) {
        Map<String, String> keys = new LinkedHashMap<>();
        String[] pairs = value.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].trim();
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("option --verify-signatures takes ACCESS:SECRET[,ACCESS:SECRET];"
                        + " entry " + (i + 1) + " is not ACCESS:SECRET");
            }
            keys.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return keys;
    }
}
