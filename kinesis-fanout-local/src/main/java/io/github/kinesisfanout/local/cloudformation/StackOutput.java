package io.github.kinesisfanout.local.cloudformation;

/** One resolved output of a stack; exportName is null when the output is not exported. */
record StackOutput(String key, String value, String description, String exportName) {
}
