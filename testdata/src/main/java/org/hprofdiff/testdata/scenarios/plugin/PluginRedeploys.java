package org.hprofdiff.testdata.scenarios.plugin;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.Stream;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.ExpectedLoaders;
import org.hprofdiff.testdata.scenarios.LibraryJar;
import org.hprofdiff.testdata.scenarios.Workload;
import org.hprofdiff.testdata.scenarios.plugin.report.ReportPlugin;

/**
 * A plugin host that redeploys the report plugin {@code redeploysPerRound} times per round: undeploy
 * the current version (the {@link Pinning}'s fix first, when the host is the fixed one; then close its
 * loader and drop every reference to it), deploy the next one in a new loader and use it. One version
 * is current at a time; after round r the host has deployed {@code k·r} versions. What an undeployed
 * version leaves behind is up to the {@link Pinning}: everything of it (its loader, all its classes and
 * their statics) when the fix is left out, nothing when it is done.
 */
public final class PluginRedeploys implements Workload {

    /** Redeploys per round unless the run says otherwise. */
    public static final int DEFAULT_REDEPLOYS_PER_ROUND = 4;

    // The plugin's classes by name only: the application loader must never define them.
    static final String REPORT_PLUGIN = Pinning.pluginClass("ReportPlugin");
    static final String TEMPLATE = Pinning.pluginClass("ReportTemplate");
    // Compile-time constants, copied here by javac: reading them loads no plugin class.
    static final int TEMPLATES = ReportPlugin.TEMPLATE_COUNT;
    static final int TEMPLATE_BYTES = ReportPlugin.TEMPLATE_BYTES;

    private final int redeploysPerRound;
    private final Path workDir;
    private final Pinning pinning;
    private final boolean fixed;
    private URL[] jars;
    private PluginVersion current;
    private int deployed;

    private PluginRedeploys(int redeploysPerRound, Path workDir, Pinning pinning, boolean fixed) {
        this.redeploysPerRound = redeploysPerRound;
        this.workDir = workDir;
        this.pinning = pinning;
        this.fixed = fixed;
    }

    /** {@code plugin-driver} (and {@code -fixed}): drivers registered with DriverManager. */
    public static PluginRedeploys driver(int redeploysPerRound, Path workDir, boolean fixed) {
        return new PluginRedeploys(redeploysPerRound, workDir, new DriverRegistration(), fixed);
    }

    /** {@code plugin-threadlocal} (and {@code -fixed}): per-thread formatters on the host's workers. */
    public static PluginRedeploys threadLocal(int redeploysPerRound, Path workDir, boolean fixed) {
        return new PluginRedeploys(redeploysPerRound, workDir, new ThreadLocalFormatters(), fixed);
    }

    /** {@code plugin-context-loader} (and {@code -fixed}): an executor thread that inherited the plugin's loader. */
    public static PluginRedeploys contextLoader(int redeploysPerRound, Path workDir, boolean fixed) {
        return new PluginRedeploys(redeploysPerRound, workDir, new InheritedContextLoader(), fixed);
    }

    /** {@code class-cache} (and {@code -fixed}): the host's Jackson mapper caching each version's bean class. */
    public static PluginRedeploys classCache(int redeploysPerRound, Path workDir, boolean fixed) {
        return new PluginRedeploys(redeploysPerRound, workDir, new SerializerCache(), fixed);
    }

    @Override
    public void runRound(int round) throws InterruptedException {
        try {
            if (jars == null) {
                jars = pluginJars();
                pinning.hostStarted();
            }
            for (int i = 0; i < redeploysPerRound; i++) {
                if (current != null) {
                    undeploy(current);
                    current = null;
                }
                current = PluginVersion.deploy(++deployed, jars, pinning.entryClass());
                pinning.use(current);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("plugin redeploy failed in round " + round, e);
        }
    }

    private void undeploy(PluginVersion version) throws Exception {
        if (fixed) {
            pinning.fix(version);
        }
        version.close();
    }

    /** The plugin's jar, written now, then the jars the plugin bundles (named by the runner). */
    private URL[] pluginJars() throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(PluginJar.write(workDir)));
        String bundled = System.getProperty(LibraryJar.PLUGIN_BUNDLE_PROPERTY, "");
        for (String jar : bundled.split(File.pathSeparator)) {
            if (!jar.isEmpty()) {
                urls.add(url(Path.of(jar)));
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path jar) throws MalformedURLException {
        return jar.toUri().toURL();
    }

    /** Loaders kept after {@code round}: every version deployed so far, or only the current one when fixed. */
    private long keptVersions(int round) {
        long deployedByThen = (long) redeploysPerRound * round;
        return fixed ? Math.min(1, deployedByThen) : deployedByThen;
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds) {
        boolean leak = !fixed && redeploysPerRound > 0;
        IntToLongFunction kept = this::keptVersions;
        IntToLongFunction current = r -> Math.min(1, keptVersions(r));
        List<ExpectedCount> counts = new ArrayList<>(List.of(
                ExpectedCount.exact(URLClassLoader.class.getName(), leak, rounds, kept),
                // the templates of every kept version: ReportPlugin.TEMPLATES, a HashMap of byte[] layouts
                ExpectedCount.exact(TEMPLATE, leak, rounds, r -> TEMPLATES * kept.applyAsLong(r)),
                ExpectedCount.added("[B", TEMPLATE_BYTES, leak, rounds, r -> TEMPLATES * kept.applyAsLong(r)),
                // only the current version's plugin object: the host drops the others'
                ExpectedCount.exact(pinning.entryClass(), false, rounds, current)));
        counts.addAll(pinning.expectedCounts(rounds, leak, kept));
        return counts;
    }

    @Override
    public List<ExpectedLoaders> expectedLoaders(int rounds) {
        List<String> defined = Stream.concat(Stream.of(REPORT_PLUGIN, TEMPLATE, pinning.entryClass()),
                pinning.otherDefinedClasses().stream()).toList();
        List<String> withInstances = Stream.concat(Stream.of(TEMPLATE), pinning.otherClassesWithInstances().stream())
                .toList();
        return List.of(ExpectedLoaders.of(URLClassLoader.class, PluginVersion.LOADER_NAME_PATTERN, defined,
                withInstances, !fixed && redeploysPerRound > 0, rounds, this::keptVersions));
    }

}
