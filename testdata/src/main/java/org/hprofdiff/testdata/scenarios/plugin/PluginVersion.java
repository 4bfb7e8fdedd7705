package org.hprofdiff.testdata.scenarios.plugin;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * One deployed version of the report plugin: its own {@link URLClassLoader} named
 * {@code report-plugin-v<k>} (parent: the platform loader, so the loader defines the plugin's classes
 * itself) and the plugin's entry object. The host calls the plugin by reflection, with the plugin's
 * loader as the calling thread's context class loader for the time of the call, as containers do.
 */
final class PluginVersion {

    /** Loader names are this plus the version number: {@code report-plugin-v1}, ... */
    static final String LOADER_NAME_PREFIX = "report-plugin-v";
    /** The loaders' names as {@link org.hprofdiff.testdata.scenarios.ExpectedLoaders#namePattern()} has them. */
    static final String LOADER_NAME_PATTERN = "report-plugin-v\\d+";

    private final URLClassLoader loader;
    private final Object plugin;

    private PluginVersion(URLClassLoader loader, Object plugin) {
        this.loader = loader;
        this.plugin = plugin;
    }

    /** Creates version {@code number}'s loader over {@code jars}, instantiates {@code entryClass} and starts it. */
    static PluginVersion deploy(int number, URL[] jars, String entryClass) {
        URLClassLoader loader = new URLClassLoader(LOADER_NAME_PREFIX + number, jars, ClassLoader.getPlatformClassLoader());
        Object plugin = withContextLoader(loader, () -> Class.forName(entryClass, true, loader).getConstructor().newInstance());
        PluginVersion version = new PluginVersion(loader, plugin);
        version.call("start");
        return version;
    }

    /** Calls the plugin's public method {@code name} with string arguments. */
    Object call(String name, String... arguments) {
        Class<?>[] types = new Class<?>[arguments.length];
        Arrays.fill(types, String.class);
        return withContextLoader(loader, () -> {
            Method method = plugin.getClass().getMethod(name, types);
            return method.invoke(plugin, (Object[]) arguments);
        });
    }

    /** Closes the loader (its jars); what still refers to its classes keeps them. */
    void close() throws IOException {
        loader.close();
    }

    private interface PluginCall {
        Object run() throws ReflectiveOperationException;
    }

    private static Object withContextLoader(ClassLoader loader, PluginCall call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the plugin failed in " + loader.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the plugin in " + loader.getName(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
