package io.github.kinesisfanout.local.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls one operation of a model with no input members, straight into the service's dispatch: an
 * implemented operation with required members answers a validation error, an operation the local
 * cloud does not implement answers {@code UnknownOperationException: <Service>.<Operation> is not supported}.
 */
record Probe(String operation, boolean implemented, List<String> problems) {

    private static final RequestContext CONTEXT = new RequestContext("probe", "000000000000", "us-east-1");

    /** Probes every operation of the model, in its order. */
    static Map<String, Probe> all(ServiceModel model, AwsService service) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        for (String operation : model.operations()) {
            probes.put(operation, of(model, service, operation));
        }
        return probes;
    }

    private static Probe of(ServiceModel model, AwsService service, String operation) {
        List<String> problems = new ArrayList<>();
        List<String> required = model.requiredInput(operation);
        String where = model.service() + " " + operation + " without its required members " + required;
        try {
            service.invoke(operation, JsonNodeFactory.instance.objectNode(), CONTEXT);
            if (!required.isEmpty()) {
                problems.add(where + ": accepted");
            }
            return new Probe(operation, true, problems);
        } catch (AwsServiceException e) {
            if (e.errorCode().equals("UnknownOperationException")) {
                if (!String.valueOf(e.getMessage()).endsWith("." + operation + " is not supported")) {
                    problems.add(model.service() + " " + operation + ": unclear not-supported message " + e.getMessage());
                }
                return new Probe(operation, false, problems);
            }
            Set<String> allowed = model.errorCodes(operation);
            boolean known = allowed.contains(e.errorCode()) || ErrorCodes.COMMON.contains(e.errorCode())
                    || model.protocol().equals("rest-xml") && ErrorCodes.S3.contains(e.errorCode());
            if (!required.isEmpty() && (e.httpStatus() >= 500 || !known)) {
                problems.add(where + ": " + e.errorCode() + " (" + e.httpStatus() + ") " + e.getMessage()
                        + ", expected a validation error among " + allowed + " or the common errors");
            }
            return new Probe(operation, true, problems);
        } catch (RuntimeException e) {
            problems.add(where + ": " + e + " (answered as a 500 InternalFailure)");
            return new Probe(operation, true, problems);
        }
    }
}
