package io.github.kinesisfanout.local.lambda.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * A resolved Java handler, as AWS's Java runtime resolves the {@code Handler} setting: either
 * {@code package.Class} implementing {@code RequestHandler} or {@code RequestStreamHandler}, or
 * {@code package.Class::method} with parameters {@code (InputStream, OutputStream[, Context])},
 * {@code (Input[, Context])} or none.
 *
 * @param instance the handler object (null for a static method), created once per environment
 * @param method the method to call
 * @param streaming whether it takes the raw input and output streams
 * @param inputType the type the JSON event is deserialized to (null when it takes no input)
 * @param takesContext whether the last parameter is the Context
 */
record HandlerMethod(Object instance, Method method, boolean streaming, Type inputType, boolean takesContext) {

    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    static HandlerMethod resolve(String handler, ClassLoader loader) {
        String className = handler;
        String methodName = null;
        int colons = handler.indexOf("::");
        if (colons >= 0) {
            className = handler.substring(0, colons);
            methodName = handler.substring(colons + 2);
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerException("Class not found: " + className, e);
        } catch (UnsupportedClassVersionError e) {
            throw new HandlerException("Class " + className + " was compiled for a newer Java than the local cloud's"
                    + " Java " + Runtime.version().feature() + ": " + e.getMessage(), e);
        } catch (LinkageError e) {
            Throwable cause = e instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause() : e;
            throw new HandlerException("Class " + className + " could not be initialized: " + cause, cause);
        }
        Method method = methodName == null ? interfaceMethod(type, handler) : namedMethod(type, methodName, handler);
        method.setAccessible(true);
        Object instance = Modifier.isStatic(method.getModifiers()) ? null : instantiate(type);
        Class<?>[] params = method.getParameterTypes();
        boolean streaming = params.length >= 2 && params[0] == InputStream.class && params[1] == OutputStream.class;
        boolean takesContext = params.length > 0 && params[params.length - 1].getName().equals(CONTEXT);
        int inputs = params.length - (takesContext ? 1 : 0);
        Type inputType = !streaming && inputs == 1 ? method.getGenericParameterTypes()[0] : null;
        if (!streaming && inputs > 1) {
            throw new HandlerException("Handler " + handler + " must take (input[, Context]) or"
                    + " (InputStream, OutputStream[, Context])", null);
        }
        return new HandlerMethod(instance, method, streaming, inputType, takesContext);
    }

    /** {@code handleRequest} of RequestHandler (the concrete, non-bridge one) or RequestStreamHandler. */
    private static Method interfaceMethod(Class<?> type, String handler) {
        Optional<Method> method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() == 2 || m.getParameterCount() == 3)
                .max(Comparator.comparingInt(m -> m.getParameterTypes()[0] == Object.class ? 0 : 1));
        return method.orElseThrow(() -> new HandlerException("Class " + type.getName()
                + " does not implement RequestHandler or RequestStreamHandler: name the method as "
                + handler + "::method", null));
    }

    /** The public method of that name; with overloads, the one with the most parameters, as AWS picks. */
    private static Method namedMethod(Class<?> type, String name, String handler) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new HandlerException("No public method named " + name + " with appropriate"
                        + " method signature found on class " + type.getName(), null));
    }

    private static Object instantiate(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new HandlerException("Class " + type.getName() + " could not be instantiated: " + cause, cause);
        }
    }
}
