package io.github.kinesisfanout.local.lambda.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the {@code Context}, {@code LambdaLogger} and {@code ClientContext} a handler receives as
 * proxies of the interfaces from the function's own aws-lambda-java-core, since the local cloud
 * cannot share its classes with the function's class loader.
 *
 * <p>The function's environment variables are exposed through
 * {@code context.getClientContext().getEnvironment()} (and, as a fallback, as System properties
 * during the invocation: see {@link InvocationScope}), because {@code System.getenv()} cannot be
 * changed inside a running JVM.
 */
final class ContextProxies {

    private ContextProxies() {
    }

    static Object context(ClassLoader loader, Class<?> contextType, InvocationInfo info) {
        Object logger = proxy(loader, "com.amazonaws.services.lambda.runtime.LambdaLogger", (p, m, args) -> {
            if (m.getName().equals("log") && args != null && args.length > 0) {
                Object message = args[0];
                String text = message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(message);
                if (args.length > 1 && args[1] != null) {
                    text = "[" + args[1] + "] " + text;
                }
                info.log().accept(text);
                return null;
            }
            return objectMethod(p, m, args, "LambdaLogger");
        });
        Object clientContext = proxy(loader, "com.amazonaws.services.lambda.runtime.ClientContext", (p, m, args) ->
                switch (m.getName()) {
                    case "getEnvironment" -> info.environment();
                    case "getCustom" -> Map.of();
                    case "getClient" -> null;
                    default -> objectMethod(p, m, args, "ClientContext");
                });
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (p, m, args) ->
                switch (m.getName()) {
                    case "getAwsRequestId" -> info.requestId();
                    case "getLogGroupName" -> info.logGroup();
                    case "getLogStreamName" -> info.logStream();
                    case "getFunctionName" -> info.functionName();
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> info.functionArn();
                    case "getMemoryLimitInMB" -> info.memoryMb();
                    case "getRemainingTimeInMillis" ->
                            (int) Math.max(0, info.deadlineMillis() - System.currentTimeMillis());
                    case "getLogger" -> logger;
                    case "getClientContext" -> clientContext;
                    case "getIdentity", "getTenantId", "getXrayTraceId" -> null;
                    default -> objectMethod(p, m, args, "Context");
                });
    }

    private static Object proxy(ClassLoader loader, String interfaceName, InvocationHandler handler) {
        try {
            return Proxy.newProxyInstance(loader, new Class<?>[] {Class.forName(interfaceName, false, loader)}, handler);
        } catch (ClassNotFoundException e) {
            // A package without aws-lambda-java-core cannot ask for these: its Context parameter would not load.
            return null;
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String name) {
        return switch (method.getName()) {
            case "toString" -> "Lambda" + name;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> null;
        };
    }
}
