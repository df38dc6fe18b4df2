package io.github.kinesisfanout.local.edge;

/**
 * AWS's message for a member that fails its model's constraint, the one wording every service uses:
 * {@code 1 validation error detected: Value 'x' at 'path' failed to satisfy constraint: Member must ...}.
 */
public final class ValidationErrors {

    private ValidationErrors() {
    }

    /**
     * The error for a value at a member path.
     *
     * @param errorCode the service's code for it, e.g. ValidationException or InvalidParameterValueException
     * @param value the value as AWS shows it: quoted, {@code null} for a missing one
     * @param path the member path in the model's lower camel case, e.g. {@code startingPosition}
     * @param constraint the constraint, e.g. {@code Member must not be null}
     */
    public static AwsServiceException of(ErrorCode errorCode, Object value, String path, String constraint) {
        return errorCode.error(message(value == null ? "null" : "'" + value + "'", path, constraint));
    }

    /** A required member that is missing: {@code Value null at 'path' ... Member must not be null}. */
    public static AwsServiceException missing(ErrorCode errorCode, String path) {
        return of(errorCode, null, path, "Member must not be null");
    }

    /** The error for a value AWS does not show (a list, a blob): {@code Value at 'path' failed ...}. */
    public static AwsServiceException unshown(ErrorCode errorCode, String path, String constraint) {
        return errorCode.error(message("", path, constraint));
    }

    /** The message with the value as given ({@code 'x'}, {@code null}, or empty for a list or blob AWS does not show). */
    public static String message(String shownValue, String path, String constraint) {
        return "1 validation error detected: Value " + (shownValue.isEmpty() ? "" : shownValue + " ") + "at '" + path
                + "' failed to satisfy constraint: " + constraint;
    }

    /** The lower camel case AWS uses in member paths: {@code StreamName} is {@code streamName}. */
    public static String camel(String member) {
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
