package org.hprofdiff.testdata.scenarios;

import java.nio.file.Path;
import java.util.List;

import org.hprofdiff.testdata.scenarios.aws.AwsReaperLeak;
import org.hprofdiff.testdata.scenarios.churn.BenignChurn;
import org.hprofdiff.testdata.scenarios.plugin.PluginRedeploys;

/**
 * Leaks of real-world shapes built on real JDK and library code (issue 10): a library singleton whose
 * registry is also held by its own worker thread, and class-loader leaks. Each has a fixed control, the
 * same program with the bug fixed, which must leak nothing. Each also carries the {@link BenignChurn}.
 * See the package documentation for each one's object graph, numbers and true holder.
 *
 * <p>Nothing here links a library class: the workloads touch library code only in
 * {@link Workload#runRound}, in the child, whose class path the runner completes with
 * {@link #libraries()}. A module that runs these scenarios needs the libraries as test dependencies
 * (versions in the parent pom): {@code software.amazon.awssdk:apache-client} for {@code aws-reaper*},
 * {@code com.h2database:h2} for {@code plugin-driver*}, and jackson-databind (already everywhere) for
 * {@code class-cache*}.
 */
public enum RealWorldScenario implements ScenarioProgram {

    /** AWS SDK 2.20.50 Apache clients never closed: their connection managers pile up in IdleConnectionReaper. */
    AWS_REAPER("aws-reaper", "HTTP clients", AwsReaperLeak.DEFAULT_CLIENTS_PER_ROUND, Libraries.AWS_APACHE_CLIENT,
            (n, dir) -> new AwsReaperLeak(n, false)),
    /** The same clients, closed after use. */
    AWS_REAPER_FIXED("aws-reaper-fixed", "HTTP clients", AwsReaperLeak.DEFAULT_CLIENTS_PER_ROUND,
            Libraries.AWS_APACHE_CLIENT, (n, dir) -> new AwsReaperLeak(n, true)),
    /** Plugin versions whose JDBC drivers stay registered with DriverManager. */
    PLUGIN_DRIVER("plugin-driver", "plugin redeploys", PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND, Libraries.H2,
            (n, dir) -> PluginRedeploys.driver(n, dir, false)),
    /** The same, deregistering the plugin's drivers on undeploy. */
    PLUGIN_DRIVER_FIXED("plugin-driver-fixed", "plugin redeploys", PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND,
            Libraries.H2, (n, dir) -> PluginRedeploys.driver(n, dir, true)),
    /** Plugin versions pinned by ThreadLocal values on the host's worker threads. */
    PLUGIN_THREADLOCAL("plugin-threadlocal", "plugin redeploys", PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND,
            List.of(), (n, dir) -> PluginRedeploys.threadLocal(n, dir, false)),
    /** The same, removing the thread-locals on undeploy. */
    PLUGIN_THREADLOCAL_FIXED("plugin-threadlocal-fixed", "plugin redeploys",
            PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND, List.of(), (n, dir) -> PluginRedeploys.threadLocal(n, dir, true)),
    /** Plugin versions pinned by an executor thread's inherited context class loader. */
    PLUGIN_CONTEXT_LOADER("plugin-context-loader", "plugin redeploys", PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND,
            List.of(), (n, dir) -> PluginRedeploys.contextLoader(n, dir, false)),
    /** The same, shutting the executor down on undeploy. */
    PLUGIN_CONTEXT_LOADER_FIXED("plugin-context-loader-fixed", "plugin redeploys",
            PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND, List.of(), (n, dir) -> PluginRedeploys.contextLoader(n, dir, true)),
    /** Plugin versions pinned by the host's Jackson ObjectMapper caches, keyed by Class. */
    CLASS_CACHE("class-cache", "plugin redeploys", PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND, Libraries.JACKSON,
            (n, dir) -> PluginRedeploys.classCache(n, dir, false)),
    /** The same, emptying the mapper's caches on undeploy. */
    CLASS_CACHE_FIXED("class-cache-fixed", "plugin redeploys", PluginRedeploys.DEFAULT_REDEPLOYS_PER_ROUND,
            Libraries.JACKSON, (n, dir) -> PluginRedeploys.classCache(n, dir, true));

    /** Builds a leak's workload; see {@link ScenarioProgram#newWorkload}. */
    @FunctionalInterface
    private interface LeakFactory {
        Workload create(int leakPerRound, Path workDir);
    }

    private final String id;
    private final String leakUnit;
    private final int defaultLeakPerRound;
    private final List<LibraryJar> libraries;
    private final LeakFactory leak;

    RealWorldScenario(String id, String leakUnit, int defaultLeakPerRound, List<LibraryJar> libraries, LeakFactory leak) {
        this.id = id;
        this.leakUnit = leakUnit;
        this.defaultLeakPerRound = defaultLeakPerRound;
        this.libraries = List.copyOf(libraries);
        this.leak = leak;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String leakUnit() {
        return leakUnit;
    }

    @Override
    public int defaultLeakPerRound() {
        return defaultLeakPerRound;
    }

    /** True for the controls: the same program with the bug fixed. */
    public boolean isFixed() {
        return id.endsWith("-fixed");
    }

    @Override
    public Workload newWorkload(int leakPerRound, Path workDir) {
        return new CombinedWorkload(List.of(leak.create(leakPerRound, workDir), new BenignChurn()));
    }

    @Override
    public List<LibraryJar> libraries() {
        return libraries;
    }

    /** The real-world scenario called {@code id}. */
    public static RealWorldScenario fromId(String id) {
        if (ScenarioProgram.fromId(id) instanceof RealWorldScenario scenario) {
            return scenario;
        }
        throw new IllegalArgumentException("'" + id + "' is a look-alike (Scenario), not a real-world scenario");
    }

    /** The jars of each library, one probe class per jar (runtime dependencies included). */
    private static final class Libraries {
        static final List<LibraryJar> AWS_APACHE_CLIENT = List.of(
                LibraryJar.onClassPath("software.amazon.awssdk:apache-client", "software.amazon.awssdk.http.apache.ApacheHttpClient"),
                LibraryJar.onClassPath("software.amazon.awssdk:http-client-spi", "software.amazon.awssdk.http.SdkHttpClient"),
                LibraryJar.onClassPath("software.amazon.awssdk:utils", "software.amazon.awssdk.utils.AttributeMap"),
                LibraryJar.onClassPath("software.amazon.awssdk:metrics-spi", "software.amazon.awssdk.metrics.MetricCollector"),
                LibraryJar.onClassPath("software.amazon.awssdk:annotations", "software.amazon.awssdk.annotations.SdkInternalApi"),
                LibraryJar.onClassPath("org.apache.httpcomponents:httpclient", "org.apache.http.impl.conn.PoolingHttpClientConnectionManager"),
                LibraryJar.onClassPath("org.apache.httpcomponents:httpcore", "org.apache.http.pool.AbstractConnPool"),
                LibraryJar.onClassPath("commons-logging:commons-logging", "org.apache.commons.logging.LogFactory"),
                LibraryJar.onClassPath("commons-codec:commons-codec", "org.apache.commons.codec.binary.Base64"),
                LibraryJar.onClassPath("org.slf4j:slf4j-api", "org.slf4j.LoggerFactory"),
                LibraryJar.onClassPath("org.reactivestreams:reactive-streams", "org.reactivestreams.Publisher"));
        static final List<LibraryJar> H2 = List.of(LibraryJar.inPlugin("com.h2database:h2", "org.h2.Driver"));
        static final List<LibraryJar> JACKSON = List.of(
                LibraryJar.onClassPath("com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper"),
                LibraryJar.onClassPath("com.fasterxml.jackson.core:jackson-core", "com.fasterxml.jackson.core.JsonFactory"),
                LibraryJar.onClassPath("com.fasterxml.jackson.core:jackson-annotations", "com.fasterxml.jackson.annotation.JsonProperty"));

        private Libraries() {
        }
    }
}
