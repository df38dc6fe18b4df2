package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS CloudFormation: stacks from JSON or YAML templates, provisioned through the resource handlers
 * of the other local services, asynchronously with events, rollback and change sets. The AWS SDK
 * and CLI both speak the AWS Query protocol (XML responses) to it.
 */
public final class CloudFormationService implements AwsService, AutoCloseable {

    /** The SigV4 signing name, also the name other services find it by. */
    public static final String SIGNING_NAME = "cloudformation";

    /** Actions whose output shape has no members but whose {@code <OpResult/>} is written. */
    public static final java.util.Set<String> EMPTY_RESULTS = java.util.Set.of("ExecuteChangeSet", "DeleteChangeSet");

    private final Map<String, StackStore> stores = new ConcurrentHashMap<>();
    private final StackStorage storage;
    private final Deployments deployments;
    private final StackCommands stacks;
    private final StackQueries queries = new StackQueries();
    private final TemplateQueries templates;
    private final ChangeSetCommands changeSets;

    /**
     * The service as a local cloud registers it: the handlers call the context's services, the
     * status-transition delay is the pause between resource steps, and stacks are kept in the
     * context's data directory when it has one.
     *
     * @param handlers the resource handlers, by type
     */
    public CloudFormationService(ServiceContext context, ResourceHandlers handlers) {
        this(context, handlers, context.services()::find);
    }

    /**
     * @param handlers the resource handlers, by type
     * @param services the services the handlers call (a unit test's own)
     */
    public CloudFormationService(ServiceContext context, ResourceHandlers handlers, ServiceDirectory services) {
        Clock clock = context.clock();
        this.storage = context.dataDirectory().<StackStorage>map(d -> new FileStackStorage(
                d.serviceDirectory("cloudformation"))).orElse(StackStorage.NONE);
        for (Stack stack : storage.loadAll()) {
            String[] arn = stack.stackId().split(":", 6);
            store(arn[4], arn[3]).restore(stack);
            interrupted(stack, clock);
        }
        this.deployments = new Deployments(handlers, services, clock, context.statusTransitionDelay());
        this.stacks = new StackCommands(deployments);
        this.templates = new TemplateQueries(deployments);
        this.changeSets = new ChangeSetCommands(deployments, stacks);
    }

    @Override
    public String signingName() {
        return SIGNING_NAME;
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        StackStore store = store(context.accountId(), context.region());
        return switch (operation) {
            case "CreateStack" -> stacks.createStack(input, context, store);
            case "UpdateStack" -> stacks.updateStack(input, context, store);
            case "DeleteStack" -> stacks.deleteStack(input, context, store);
            case "DescribeStacks" -> queries.describeStacks(input, store);
            case "DescribeStackEvents" -> queries.describeStackEvents(input, store);
            case "DescribeStackResource" -> queries.describeStackResource(input, store);
            case "DescribeStackResources" -> queries.describeStackResources(input, store);
            case "ListStacks" -> queries.listStacks(input, store);
            case "ListStackResources" -> queries.listStackResources(input, store);
            case "GetTemplate" -> queries.getTemplate(input, store);
            case "ListExports" -> queries.listExports(store);
            case "ValidateTemplate" -> templates.validateTemplate(input);
            case "GetTemplateSummary" -> templates.getTemplateSummary(input, store);
            case "CreateChangeSet" -> changeSets.createChangeSet(input, context, store);
            case "DescribeChangeSet" -> changeSets.describeChangeSet(input, store);
            case "ExecuteChangeSet" -> changeSets.executeChangeSet(input, context, store);
            case "DeleteChangeSet" -> changeSets.deleteChangeSet(input, store);
            case "ListChangeSets" -> changeSets.listChangeSets(input, store);
            default -> throw AwsServiceException.notSupported("CloudFormation", operation);
        };
    }

    private StackStore store(String accountId, String region) {
        return stores.computeIfAbsent(accountId + "/" + region, k -> new StackStore(storage));
    }

    /**
     * A stack whose operation a stop interrupted cannot resume it (the steps ran in the stopped JVM):
     * it ends in the failed status AWS uses when an operation cannot finish, so it can be updated or
     * deleted again.
     */
    private static void interrupted(Stack stack, Clock clock) {
        String status = stack.status();
        if (!status.endsWith("_IN_PROGRESS")) {
            return;
        }
        String failed = status.startsWith("CREATE_") ? "CREATE_FAILED"
                : status.startsWith("DELETE_") ? "DELETE_FAILED"
                : status.startsWith("ROLLBACK_") ? "ROLLBACK_FAILED"
                : "UPDATE_ROLLBACK_FAILED";
        stack.transition(failed, "The local cloud stopped while the stack was " + status
                + "; the operation did not finish", clock.instant());
    }

    /** Stops the background stack operations. */
    @Override
    public void close() {
        deployments.close();
    }
}
