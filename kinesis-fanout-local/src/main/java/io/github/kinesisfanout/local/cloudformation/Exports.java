package io.github.kinesisfanout.local.cloudformation;

import java.util.Optional;

/** The exported outputs of the stacks of one account and region, for Fn::ImportValue and uniqueness. */
interface Exports {

    /** The value exported under the name, if any stack exports it. */
    Optional<StackOutput> export(String exportName);

    /** The id of the stack that exports the name, if any. */
    Optional<String> exportingStackId(String exportName);

    /** The name of a stack, other than the exporting one, that imports the name, if any. */
    Optional<String> importingStackName(String exportName, Stack exporter);
}
