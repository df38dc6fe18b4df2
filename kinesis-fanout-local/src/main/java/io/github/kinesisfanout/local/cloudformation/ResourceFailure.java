package io.github.kinesisfanout.local.cloudformation;

/** A resource operation that failed; its message becomes the resource's ResourceStatusReason. */
public class ResourceFailure extends RuntimeException {

    public ResourceFailure(String message) {
        super(message, null, false, false);
    }
}
