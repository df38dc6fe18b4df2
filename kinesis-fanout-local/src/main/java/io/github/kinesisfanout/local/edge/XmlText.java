package io.github.kinesisfanout.local.edge;

/** Decodes the five predefined XML entities and numeric character references in request bodies. */
public final class XmlText {

    private XmlText() {
    }

    public static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '&' ? text.indexOf(';', i) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            String entity = text.substring(i + 1, end);
            switch (entity) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    if (entity.startsWith("#x")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
                    } else if (entity.startsWith("#")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(1)));
                    } else {
                        out.append(text, i, end + 1);
                    }
                }
            }
            i = end + 1;
        }
        return out.toString();
    }
}
