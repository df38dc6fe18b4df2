package io.github.kinesisfanout.local.s3;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP {@code Range: bytes=...} header of a GetObject, as S3 reads it (one range only). */
final class ByteRange {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private ByteRange() {
    }

    /**
     * The first and last byte (inclusive) of {@code bytes=FIRST-LAST}, {@code bytes=FIRST-} or
     * {@code bytes=-SUFFIX}; null without a header or for a form S3 ignores (several ranges).
     */
    static long[] parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher matcher = RANGE.matcher(header.trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        long first;
        long last;
        if (matcher.group(1).isEmpty()) {
            first = Math.max(0, size - Long.parseLong(matcher.group(2)));
            last = size - 1;
        } else {
            first = Long.parseLong(matcher.group(1));
            last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
        }
        if (first >= size || first > last) {
            throw S3Errors.INVALID_RANGE.error("The requested range is not satisfiable");
        }
        return new long[] {first, last};
    }
}
