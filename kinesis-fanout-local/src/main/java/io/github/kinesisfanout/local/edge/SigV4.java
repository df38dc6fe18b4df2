package io.github.kinesisfanout.local.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** AWS Signature Version 4: the canonical request, the string to sign and the HMAC-SHA256 key chain. */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private SigV4() {
    }

    /**
     * The canonical request of a received request.
     *
     * @param doubleEncodePath true for every service but S3, whose path is signed as sent
     * @param excludedParameter a query parameter left out (X-Amz-Signature of a presigned URL), or null
     */
    static String canonicalRequest(EdgeRequest request, List<String> signedHeaders, String payloadHash,
            boolean doubleEncodePath, String excludedParameter) {
        String raw = request.rawUri();
        int question = raw.indexOf('?');
        String path = question < 0 ? raw : raw.substring(0, question);
        if (path.isEmpty()) {
            path = "/";
        }
        StringBuilder canonical = new StringBuilder(request.method()).append('\n');
        canonical.append(doubleEncodePath ? encode(path, false) : path).append('\n');
        canonical.append(canonicalQuery(question < 0 ? "" : raw.substring(question + 1), excludedParameter)).append('\n');
        for (String name : signedHeaders) {
            String value = request.header(name);
            canonical.append(name).append(':').append(value == null ? "" : value.trim().replaceAll(" +", " "))
                    .append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return canonical.toString();
    }

    private static String canonicalQuery(String query, String excludedParameter) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.equals(excludedParameter)) {
                pairs.add(new String[] {encode(name, true), encode(value, true)});
            }
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 percent-encoding of every byte but the unreserved ones (and '/' unless {@code slash}). */
    static String encode(String text, boolean slash) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '/' && !slash) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    /** The string to sign for a canonical request. */
    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex signature: HMAC of the string to sign under the key derived from secret, date, region, service. */
    static String signature(String secretKey, String date, String region, String service, String stringToSign) {
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Lower-case hex names as in SignedHeaders, e.g. {@code host;x-amz-date}. */
    static List<String> signedHeaders(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(";")) {
            if (!name.isBlank()) {
                names.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
