package io.github.kinesisfanout.local.lambda.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

/**
 * One execution environment of a Java function: its own class loader and handler instance,
 * created on a cold start and reused by later invocations (static state survives between them,
 * as in Lambda), used by one invocation at a time.
 */
final class FunctionEnvironment implements AutoCloseable {

    final String logStream;
    private final FunctionClassLoader loader;
    private final HandlerMethod handler;
    private final EventCodec codec = new EventCodec();

    FunctionEnvironment(String functionName, FunctionCode code, String handler, String logStream) {
        this.logStream = logStream;
        this.loader = new FunctionClassLoader(functionName, code.classpath());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            this.handler = HandlerMethod.resolve(handler, loader);
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Calls the handler; exceptions it throws come out as InvocationTargetException's cause. */
    byte[] call(byte[] payload, InvocationInfo info) throws Exception {
        Class<?>[] types = handler.method().getParameterTypes();
        Object[] args = new Object[types.length];
        Object context = handler.takesContext()
                ? ContextProxies.context(loader, types[types.length - 1], info) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (handler.streaming()) {
            args[0] = new ByteArrayInputStream(payload);
            args[1] = out;
        } else if (handler.inputType() != null) {
            args[0] = codec.decode(payload, handler.inputType());
        }
        if (context != null) {
            args[types.length - 1] = context;
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Object result = handler.method().invoke(handler.instance(), args);
            return handler.streaming() ? out.toByteArray() : codec.encode(result);
        } catch (InvocationTargetException e) {
            // FutureTask hands Errors and Exceptions alike to the caller as the ExecutionException's cause.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // The jars are deleted with the code folder anyway.
        }
    }
}
