package io.github.kinesisfanout.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS IAM (Query protocol): roles, inline role policies and managed policies, recorded with
 * AWS-shaped ids and ARNs but not enforced. Policy documents come back URL-encoded, as IAM
 * returns them.
 */
public final class IamService implements AwsService {

    /** The namespace of its Query protocol's XML responses. */
    public static final String XML_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** Actions whose output shape has no members but whose {@code <OpResult/>} is written. */
    public static final java.util.Set<String> EMPTY_RESULTS = java.util.Set.of("UpdateRole");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Map<String, IamEntities> accounts = new ConcurrentHashMap<>();
    private final IamPolicies policies = new IamPolicies(this);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final IamStorage storage;

    /** With a data directory in the context, every account's roles and policies are kept under its {@code iam} directory. */
    public IamService(ServiceContext context) {
        this.clock = context.clock();
        this.storage = new IamStorage(context.dataDirectory().map(d -> d.serviceDirectory("iam")).orElse(null));
        accounts.putAll(storage.loadAll());
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        IamEntities entities = entities(context);
        if (operation.startsWith("Get") || operation.startsWith("List")) {
            return apply(operation, input, entities, context);
        }
        // One change at a time per account, each on disk before it is answered.
        synchronized (entities) {
            JsonNode output = apply(operation, input, entities, context);
            storage.save(context.accountId(), entities);
            return output;
        }
    }

    private JsonNode apply(String operation, ObjectNode input, IamEntities entities, RequestContext context) {
        return switch (operation) {
            case "CreateRole" -> createRole(input, entities, context);
            case "GetRole" -> wrap("Role", render(role(entities, input)));
            case "DeleteRole" -> deleteRole(input, entities);
            case "ListRoles" -> listRoles(input, entities);
            case "UpdateAssumeRolePolicy" -> {
                role(entities, input).assumeRolePolicy = document(input, "PolicyDocument");
                yield JsonNodeFactory.instance.objectNode();
            }
            case "UpdateRole" -> {
                IamEntities.Role role = role(entities, input);
                if (Members.has(input, "Description")) {
                    role.description = input.get("Description").asText();
                }
                role.maxSessionDuration = Members.integer(input, "MaxSessionDuration", role.maxSessionDuration,
                        IamErrors.VALIDATION_ERROR);
                yield JsonNodeFactory.instance.objectNode();
            }
            case "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies", "CreatePolicy",
                    "GetPolicy", "DeletePolicy", "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies",
                    "GetPolicyVersion", "CreatePolicyVersion" -> policies.invoke(operation, input, entities, context);
            default -> throw AwsServiceException.notSupported("IAM", operation);
        };
    }

    IamEntities entities(RequestContext context) {
        return accounts.computeIfAbsent(context.accountId(), k -> new IamEntities());
    }

    IamEntities.Role role(IamEntities entities, ObjectNode input) {
        String name = Members.required(input, "RoleName", IamErrors.VALIDATION_ERROR);
        IamEntities.Role role = entities.roles.get(name);
        if (role == null) {
            throw IamErrors.NO_SUCH_ENTITY.error("The role with name " + name + " cannot be found.");
        }
        return role;
    }

    private JsonNode createRole(ObjectNode input, IamEntities entities, RequestContext context) {
        String name = Members.required(input, "RoleName", IamErrors.VALIDATION_ERROR);
        if (!name.matches("[\\w+=,.@-]{1,64}")) {
            throw ValidationErrors.of(IamErrors.VALIDATION_ERROR, name, "roleName",
                    "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        String path = path(input);
        String document = document(input, "AssumeRolePolicyDocument");
        Map<String, String> tags = new LinkedHashMap<>();
        input.path("Tags").forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        IamEntities.Role role = new IamEntities.Role(name, id("AROA"),
                "arn:aws:iam::" + context.accountId() + ":role" + path + name, path, now(),
                Members.text(input, "Description"), Members.integer(input, "MaxSessionDuration", 3600, IamErrors.VALIDATION_ERROR),
                Map.copyOf(tags), document);
        if (entities.roles.putIfAbsent(name, role) != null) {
            throw IamErrors.ENTITY_ALREADY_EXISTS.error("Role with name " + name + " already exists.");
        }
        return wrap("Role", render(role));
    }

    private JsonNode deleteRole(ObjectNode input, IamEntities entities) {
        IamEntities.Role role = role(entities, input);
        if (!role.inlinePolicies.isEmpty()) {
            throw IamErrors.DELETE_CONFLICT.error("Cannot delete entity, must delete policies first.");
        }
        if (!role.attachedPolicyArns.isEmpty()) {
            throw IamErrors.DELETE_CONFLICT.error("Cannot delete entity, must detach all policies first.");
        }
        entities.roles.remove(role.name, role);
        return JsonNodeFactory.instance.objectNode();
    }

    private JsonNode listRoles(ObjectNode input, IamEntities entities) {
        String prefix = Members.text(input, "PathPrefix", "/");
        int maxItems = Members.integer(input, "MaxItems", 100, IamErrors.VALIDATION_ERROR);
        String marker = Members.text(input, "Marker");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode roles = output.putArray("Roles");
        boolean truncated = false;
        for (IamEntities.Role role : (marker == null ? entities.roles : entities.roles.tailMap(marker, true)).values()) {
            if (!role.path.startsWith(prefix)) {
                continue;
            }
            if (roles.size() == maxItems) {
                truncated = true;
                output.put("Marker", role.name);
                break;
            }
            roles.add(render(role));
        }
        output.put("IsTruncated", truncated);
        return output;
    }

    private static ObjectNode render(IamEntities.Role role) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Path", role.path);
        node.put("RoleName", role.name);
        node.put("RoleId", role.id);
        node.put("Arn", role.arn);
        node.set("CreateDate", Timestamps.node(role.created));
        node.put("AssumeRolePolicyDocument", urlEncode(role.assumeRolePolicy));
        if (role.description != null) {
            node.put("Description", role.description);
        }
        node.put("MaxSessionDuration", role.maxSessionDuration);
        if (!role.tags.isEmpty()) {
            ArrayNode tags = node.putArray("Tags");
            role.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        node.putObject("RoleLastUsed");
        return node;
    }

    /** A policy document member: JSON text (or a JSON object from in-process callers), checked for syntax. */
    static String document(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            Members.required(input, member, IamErrors.VALIDATION_ERROR);
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed == null || !parsed.isObject()) {
                throw new IOException("not an object");
            }
        } catch (IOException e) {
            throw IamErrors.MALFORMED_POLICY_DOCUMENT.error("Syntax errors in policy.");
        }
        return text;
    }

    /** IAM returns policy documents URL-encoded (RFC 3986), in every protocol. */
    static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String path(ObjectNode input) {
        String path = Members.text(input, "Path", "/");
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw IamErrors.VALIDATION_ERROR.error("The specified value for path is invalid. It must begin and end"
                    + " with / and contain only alphanumeric characters and/or / characters.");
        }
        return path;
    }

    /** An IAM unique id: a 4-letter prefix (AROA for roles, ANPA for policies) and 17 base32 characters. */
    String id(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static ObjectNode wrap(String member, JsonNode value) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.set(member, value);
        return output;
    }
}
