package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the service a request is for and hands it to that service's wire protocol: first the
 * X-Amz-Target prefix of a served service (Kinesis Analytics v1 and v2 share the signing name
 * {@code kinesisanalytics}), then the SigV4 signing name of the credential scope (Authorization
 * header or X-Amz-Credential parameter), then S3 path style when an s3 service is registered.
 */
public final class ServiceRouter {

    /** Services the SDK signs under another service's name. */
    private static final Map<String, String> SIGNED_AS = Map.of("kinesisanalyticsv2", "kinesisanalytics");

    private record Route(AwsService service, WireProtocol protocol) {
    }

    private static final Logger LOG = Logger.getLogger(ServiceRouter.class.getName());

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    /** X-Amz-Target prefixes of the JSON services, for unsigned requests: each service declares its own. */
    private final Map<String, String> targetPrefixes = new ConcurrentHashMap<>();
    private final String accountId;
    private final String defaultRegion;
    private volatile SignatureVerifier verifier;

    public ServiceRouter(String accountId, String defaultRegion) {
        this.accountId = accountId;
        this.defaultRegion = defaultRegion;
    }

    /** Serves a service under its signing name with the given wire protocol. */
    public void register(AwsService service, WireProtocol protocol) {
        routes.put(service.signingName(), new Route(service, protocol));
        if (service.targetPrefix() != null) {
            targetPrefixes.put(service.targetPrefix(), service.signingName());
        }
    }

    /**
     * Verifies the SigV4 signature of every request against these keys (secret by access key id);
     * an empty map turns verification off, the default, so any credentials work.
     */
    public void verifySignatures(Map<String, String> secretKeys) {
        this.verifier = secretKeys.isEmpty() ? null : new SignatureVerifier(secretKeys);
    }

    /** The service registered under a signing name, or null. */
    public AwsService service(String signingName) {
        Route route = routes.get(signingName);
        return route == null ? null : route.service();
    }

    /** The signing names served, sorted. */
    public java.util.Set<String> signingNames() {
        return new java.util.TreeSet<>(routes.keySet());
    }

    /** Answers one request; never throws. */
    public EdgeResponse route(EdgeRequest request, String requestId) {
        CredentialScope scope = CredentialScope.of(request);
        String signingName = signingName(request, scope);
        Route route = signingName == null ? null : routes.get(signingName);
        if (route == null) {
            return unknownService(signingName);
        }
        RequestContext context = context(scope, requestId);
        try {
            SignatureVerifier signatures = verifier;
            AwsServiceException refused = signatures == null ? null : signatures.verify(request, route.protocol());
            if (refused != null) {
                return route.protocol().error(request, refused, context);
            }
            return route.protocol().handle(request, route.service(), context);
        } catch (RuntimeException | StackOverflowError e) {
            // A codec should render every failure itself; this keeps a bug in one from hanging the client.
            LOG.log(Level.WARNING, "request " + requestId + " to " + signingName + " failed in its wire protocol", e);
            return route.protocol().error(request, InternalFailures.of(e, context), context);
        }
    }

    /**
     * An error the edge raises itself (body too large, no free worker), rendered in the wire protocol
     * of the service the request is for; JSON 1.1's shape when no service is recognised.
     */
    public EdgeResponse reject(EdgeRequest request, AwsServiceException error, String requestId) {
        CredentialScope scope = CredentialScope.of(request);
        String signingName = signingName(request, scope);
        Route route = signingName == null ? null : routes.get(signingName);
        RequestContext context = context(scope, requestId);
        return route == null ? jsonError(error.httpStatus(), error.errorCode(), error.getMessage())
                : route.protocol().error(request, error, context);
    }

    /** The signing name of the service a request is for, or null when none is recognised. */
    public String serviceOf(EdgeRequest request) {
        return signingName(request, CredentialScope.of(request));
    }

    /**
     * The credential scope's service, except that a request signed for {@code kinesisanalytics} goes
     * where its X-Amz-Target says (the SDK signs Kinesis Analytics v1 and v2 alike; the targets
     * tell them apart); unsigned requests go by X-Amz-Target, then to S3.
     */
    private String signingName(EdgeRequest request, CredentialScope scope) {
        String fromScope = scope != null ? scope.service() : null;
        String fromTarget = fromTarget(request.header("x-amz-target"));
        String signingName = fromScope;
        if (fromTarget != null && routes.containsKey(fromTarget)
                && (fromScope == null || fromScope.equals(SIGNED_AS.getOrDefault(fromTarget, fromTarget)))) {
            signingName = fromTarget;
        }
        if (signingName == null) {
            signingName = fromTarget;
        }
        if (signingName == null && routes.containsKey("s3")) {
            signingName = "s3";
        }
        return signingName;
    }

    private RequestContext context(CredentialScope scope, String requestId) {
        String region = scope != null && scope.region() != null ? scope.region() : defaultRegion;
        return new RequestContext(requestId, accountId, region);
    }

    private String fromTarget(String target) {
        if (target == null) {
            return null;
        }
        int dot = target.indexOf('.');
        return targetPrefixes.get(dot < 0 ? target : target.substring(0, dot));
    }

    private EdgeResponse unknownService(String signingName) {
        String message = (signingName == null
                ? "Cannot tell which service this request is for: it has no SigV4 credential scope and no known"
                        + " X-Amz-Target"
                : "The local cloud has no service '" + signingName + "'")
                + "; services served: " + String.join(", ", signingNames());
        return jsonError(ProtocolErrors.UNKNOWN_SERVICE.httpStatus(), ProtocolErrors.UNKNOWN_SERVICE.code(), message);
    }

    private static EdgeResponse jsonError(int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", code);
        body.put("message", message);
        Map<String, String> headers = new TreeMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Amzn-ErrorType", code);
        return new EdgeResponse(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
