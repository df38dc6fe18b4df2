package io.github.kinesisfanout.local.lambda.runtime;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of one function environment: the function's own classes and its lib/ jars
 * first, then only the Java platform, so nothing of the local cloud (its Jackson, Netty, SDK) is
 * visible to the handler, as in a real Lambda environment where the deployment package brings
 * aws-lambda-java-core and -events itself.
 */
final class FunctionClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    FunctionClassLoader(String functionName, URL[] classpath) {
        super("lambda-" + functionName, classpath, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && !name.startsWith("java.")) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException e) {
                    loaded = null;
                }
            }
            if (loaded == null) {
                loaded = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
