/**
 * Leaking programs that run in child JVMs and dump themselves, with the JVM's own class histogram
 * as ground truth for every dump.
 *
 * <h2>How a run works</h2>
 * {@link org.hprofdiff.testdata.scenarios.ScenarioRunner#run(ScenarioLaunch)} starts
 * {@link org.hprofdiff.testdata.scenarios.ScenarioMain} in a child JVM ({@code -Xmx256m}, then the
 * caller's flags; the JVM's default collector, G1 on a server-class machine), class path = wherever
 * these classes were loaded from. The child takes a baseline histogram, then for each round r:
 * runs the scenario's leak and the {@linkplain org.hprofdiff.testdata.scenarios.churn.BenignChurn
 * benign churn}, writes {@code GC.class_histogram} (through the {@code DiagnosticCommand} MBean's
 * {@code gcClassHistogram}, the same command {@code jcmd <pid> GC.class_histogram} runs; it starts
 * with a full GC) and immediately dumps with {@code HotSpotDiagnosticMXBean.dumpHeap(path, true)}
 * (live objects only, also after a full GC). Between the two it lists the class loaders with their
 * classes ({@code VM.classloaders show-classes=true fold=false}, {@link
 * org.hprofdiff.testdata.scenarios.ClassLoaderListing}). Files in the output folder, {@code <s>} the
 * scenario id:
 * <pre>
 * &lt;s&gt;-0.histo.txt                 histogram before round 1
 * &lt;s&gt;-&lt;r&gt;.histo.txt, &lt;s&gt;-&lt;r&gt;.hprof   per round, histogram just before the dump
 * &lt;s&gt;-&lt;r&gt;.loaders.txt             per round, the class loaders and their classes
 * &lt;s&gt;-manifest.properties          dumps, dump times, designed counts and loaders (see ScenarioManifest)
 * &lt;s&gt;-child.out.txt, -child.err.txt   the child's output
 * &lt;s&gt;-work/                       files of the workload's own (the plugin scenarios' report-plugin.jar)
 * </pre>
 * A three-round run of any scenario takes about half a second; its dumps are 10–20 MB.
 *
 * <h2>Scenarios and their numbers (defaults; N = {@code leakPerRound})</h2>
 * The designed counts are in {@link org.hprofdiff.testdata.scenarios.ExpectedCount}s, also written
 * to the manifest. {@code EXACT}: only the scenario makes that class, the histogram shows exactly
 * that many. {@code ADDED}: JDK classes; the scenario adds that many (of that array length), which is
 * exactly the growth of the dump's (class, length) bucket.
 *
 * <h3>{@code connection-reaper} — the incident (N = 20 partition writers per round)</h3>
 * Each writer builds a {@code KinesisLikeClient} on a new {@code ApacheLikeHttpClient} and closes
 * only the Kinesis client; the HTTP client's {@code PoolingHttpClientConnectionManager} stays
 * registered in {@code IdleConnectionReaper.INSTANCE.connectionManagers} (a ConcurrentHashMap; the
 * daemon thread {@code idle-connection-reaper} also holds the registry in a local). Per writer, so
 * ×N per round, the heap keeps: 1 {@code PoolingHttpClientConnectionManager}, 1
 * {@code HashMap$Node[16384]} (65 552 bytes with compressed oops, 131 088 without), 1 {@code HashMap},
 * 2 {@code HashMap$Node}, 2 {@code HttpRoute}, 2 {@code RouteSpecificPool} (+ their {@code ArrayList}),
 * 4 {@code PooledSocket} with 4 {@code byte[8192]}, 1 {@code ConcurrentHashMap$Node} and 1
 * {@code Long}. About 100 KB per writer, 2 MB per round. Writers, Kinesis clients and HTTP clients:
 * 0 (garbage). Path: {@code static IdleConnectionReaper.INSTANCE → connectionManagers → table →
 * ConcurrentHashMap$Node.key → PoolingHttpClientConnectionManager → routeToPool → table →
 * HashMap$Node[16384]}.
 *
 * <h3>{@code threadlocal} (N = 300 requests per round)</h3>
 * A fixed pool of 4 daemon threads {@code request-worker-1..4}; each request sets a new
 * {@code RequestScope} (a {@code ThreadLocal} subclass) to a {@code RequestContext} with a
 * {@code byte[6144]} and never removes it. The context refers back to its scope, so the weak key is
 * never cleared and nothing is ever expunged: per request exactly 1 {@code RequestScope}, 1
 * {@code RequestContext}, 1 {@code ThreadLocal$ThreadLocalMap$Entry}, 1 {@code byte[6144]}
 * (~6.2 KB; 1.9 MB per round). Path: {@code Thread → threadLocals → table → Entry.value}.
 *
 * <h3>{@code listeners} (N = 400 dashboard widgets per round)</h3>
 * Each {@code DashboardWidget} registers an inner-class listener with the static
 * {@code EventBus.GLOBAL} (a CopyOnWriteArrayList) and is closed without unregistering: per widget
 * 1 {@code DashboardWidget}, 1 {@code DashboardWidget$RepaintOnPriceChange}, 1 {@code double[256]}
 * (~2.1 KB; 0.8 MB per round). Path: {@code static EventBus.GLOBAL → listeners → array →
 * RepaintOnPriceChange → this$0 → DashboardWidget}.
 *
 * <h3>{@code control}</h3>
 * No leak: only the churn. From round 2 on, its histograms are identical except for {@code Sample}.
 *
 * <h3>Benign churn, in every scenario</h3>
 * {@code Ballast}: 32 {@code long[16384]} (4 MiB), constant. {@code CachedQuote} in a bounded LRU
 * (capacity 500, 300 new per round, each with a {@code byte[512]}): 300, 500, 500, ...
 * {@code Sample}s in a window: 400, 150, 350, 100, 300, then again — up and down. All of these are
 * in the package {@code ...scenarios.churn}.
 *
 * <h2>Real-world scenarios ({@link org.hprofdiff.testdata.scenarios.RealWorldScenario})</h2>
 * The shapes of issue 10 on real JDK and library code, each with a {@code -fixed} control (the same
 * program with the bug fixed; it must leak nothing). They carry the same benign churn. The runner puts
 * the libraries on the child's class path from where the parent loaded them
 * ({@link org.hprofdiff.testdata.scenarios.LibraryJar}): a module that runs them needs
 * {@code software.amazon.awssdk:apache-client} ({@code aws-reaper*}) or {@code com.h2database:h2}
 * ({@code plugin-driver*}) as a test dependency; the look-alikes above need nothing. Counts "per kept X"
 * are multiplied by the number kept after round r, given first. A three-round run takes 2–7 s (the AWS
 * SDK's start and one TLS context per client dominate); dumps are 11–18 MB.
 *
 * <h3>{@code aws-reaper} (N = 20 HTTP clients per round; AWS SDK 2.20.50, HttpClient 4.5.13)</h3>
 * Each task builds {@code ApacheHttpClient.builder().build()}, GETs a page from a loopback HTTP server in
 * the child (it answers with {@code Content-Length} and no {@code Connection: close}, so the
 * connection goes back to the pool, then closes its own end and keeps nothing) and never closes the
 * client. Registered managers: 1 + N·r (the application's shared client, plus every task's). Per
 * registered manager, EXACT: 1 {@code PoolingHttpClientConnectionManager}, {@code CPool},
 * {@code CPoolEntry}, {@code LoggingManagedHttpClientConnection}, {@code SdkTlsSocketFactory}; per leaked
 * client, ADDED: 1 {@code java.net.Socket}, 1 {@code SSLContext}, 1 {@code ConcurrentHashMap$Node} (the
 * registry's entry), 3 {@code byte[8192]} (the session input buffer, its line buffer, the session output
 * buffer). About 29 KB retained per leaked client. {@code ApacheHttpClient}: 1 (the leaked clients
 * themselves are garbage), {@code IdleConnectionReaper} and its {@code ReaperTask}: 1. The SDK's
 * {@code IdleConnectionReaper} (javap: {@code static INSTANCE}; {@code connectionManagers}, a
 * {@code ConcurrentHashMap<HttpClientConnectionManager, Long>} keyed by the raw pooling manager; its
 * {@code ReaperTask} has its own {@code connectionManagers} field, the same map, and sleeps a minute
 * between sweeps in the daemon thread {@code idle-connection-reaper}). <b>True holder:</b>
 * {@code static IdleConnectionReaper.INSTANCE → connectionManagers → ConcurrentHashMap.table → Node[] [*]
 * → Node.key → PoolingHttpClientConnectionManager}, also held by thread {@code idle-connection-reaper}
 * (local in {@code IdleConnectionReaper$ReaperTask.run} → {@code ReaperTask.connectionManagers}, one step
 * shorter). Each manager is also the referent of a {@code java.lang.ref.Finalizer} (HttpClient 4.5's
 * manager has {@code finalize()}): {@code static Finalizer.unfinalized} is not a holder.
 * <br>{@code aws-reaper-fixed} closes each client after its request, which shuts its manager down and
 * deregisters it: 1 of each per-manager class every round. The child waits (GCs and phantom references,
 * see {@code aws.ClosedManagers}) until the closed managers are finalized and freed before each
 * histogram, so the counts do not depend on when the finalizer thread ran.
 *
 * <h3>The plugin host: {@code plugin-driver}, {@code plugin-threadlocal}, {@code plugin-context-loader},
 * {@code class-cache} (N = 4 redeploys per round)</h3>
 * At start the child writes {@code report-plugin.jar} from the classes of {@code ...scenarios.plugin.report}
 * on its own class path. Each redeploy undeploys the current version (the fix first, in the
 * {@code -fixed} programs; then it closes the loader and drops every host reference) and deploys the next
 * in a new {@code java.net.URLClassLoader} named {@code report-plugin-v<k>} (parent: the platform loader,
 * so it defines its own copy of every plugin class), instantiates the entry class by reflection and calls
 * it with its loader as the thread's context class loader. Kept versions after round r: N·r
 * (4, 8, 12), or 1 in the {@code -fixed} programs. Per kept version: 1 loader (EXACT; the JVM makes no
 * other {@code URLClassLoader}), which defines exactly {@code ReportPlugin}, {@code ReportTemplate}, the
 * entry class and the scenario's classes below, and no hidden class (checked in the loader listing);
 * 8 {@code ReportTemplate} (EXACT) with 8 {@code byte[4096]} in {@code static ReportPlugin.TEMPLATES}, a
 * HashMap (~33 KB; ~38 KB retained per version with the classes). A class defined by several loaders is a
 * histogram row and a dump class per loader: {@code ReportTemplate} has one row per kept version. The
 * entry object: 1 (the current version's). Today's answer for {@code ReportTemplate} in all four is
 * {@code static ReportPlugin.TEMPLATES → HashMap.table → Node[] [*] → Node.value → ReportTemplate}: on the
 * path, not the cause.
 * <ul>
 *   <li>{@code plugin-driver}: the plugin bundles H2 2.2.224 (in its loader only, never on the class
 *       path) and on start runs {@code Class.forName} on {@code org.h2.Driver} and its own
 *       {@code CsvReportDriver}; both register themselves with {@code DriverManager}. Defines also
 *       {@code JdbcReportPlugin}, {@code CsvReportDriver}, {@code org.h2.Driver},
 *       {@code org.h2.JdbcDriverBackwardsCompat}. Per kept version: 1 {@code CsvReportDriver}, 1
 *       {@code org.h2.Driver}, 2 {@code java.sql.DriverInfo} (EXACT). <b>True holder:</b>
 *       {@code static DriverManager.registeredDrivers → CopyOnWriteArrayList.array → Object[] [*] →
 *       DriverInfo.driver → CsvReportDriver.<class> → <classloader> report-plugin-v#} (and the same through
 *       {@code org.h2.Driver}). Fix: the plugin's {@code deregisterDrivers()}, which must run in the
 *       plugin's code: {@code DriverManager} shows and deregisters only drivers the caller's loader can
 *       load.</li>
 *   <li>{@code plugin-threadlocal}: the host's 4 daemon threads {@code plugin-worker-1..4} (started with
 *       the host: their context loader is the application loader) each render once per version; the
 *       plugin keeps a {@code ReportFormatter} per thread in its {@code static ThreadLocal}. Defines also
 *       {@code FormattingReportPlugin}, {@code ReportFormatter}. Per kept version: 4
 *       {@code ReportFormatter} (EXACT), 4 {@code ThreadLocal$ThreadLocalMap$Entry}, 4
 *       {@code StringBuilder}, 4 {@code byte[4096]} (ADDED). <b>True holder:</b> {@code thread
 *       "plugin-worker-#" → Thread.threadLocals → ThreadLocalMap.table → Entry[] [*] → Entry.value →
 *       ReportFormatter.<class> → <classloader>} (the entry's weak key, the plugin's ThreadLocal, is held
 *       by that class's static: never cleared). Fix: {@code releaseThread()} ({@code remove()}) on each
 *       worker.</li>
 *   <li>{@code plugin-context-loader}: on start the plugin creates
 *       {@code Executors.newSingleThreadExecutor()} (JDK default thread factory: {@code pool-<n>-thread-1})
 *       in a static field and runs one task on it; the thread is created under the plugin's context loader
 *       and inherits it. Defines also {@code BackgroundReportPlugin}, {@code TemplateWarmer}. Per kept
 *       version: 1 {@code Thread}, 1 {@code ThreadPoolExecutor}, 1 {@code ThreadPoolExecutor$Worker}
 *       (ADDED). <b>True holder:</b> {@code thread "pool-#-thread-#" → Thread.contextClassLoader →
 *       <classloader>}. Measured on JDK 17.0.15: the thread also holds the plugin's
 *       {@code ProtectionDomain} through {@code Thread.inheritedAccessControlContext →
 *       AccessControlContext.context → ProtectionDomain[] [*]} (and the PD holds the loader); JDK 25's
 *       {@code Thread} has no such field, the context loader is the only reference. The executor is in a
 *       static field: in an instance field, JDK 21+'s cleaner (17's finalizer) would shut it down once the
 *       plugin object is garbage. Fix: {@code stop()} (shutdown, then wait for the thread to end).</li>
 *   <li>{@code class-cache}: the host's {@code static final ObjectMapper ReportExports.JSON} (Jackson
 *       2.21) writes each version's {@code ReportSummary} bean once. Defines also
 *       {@code ExportReportPlugin}, {@code ReportSummary}. Per kept version: 1 {@code BeanSerializer}
 *       (EXACT); {@code ReportSummary}: 0 (each bean is garbage once written). Two static caches keyed by
 *       the class hold it. <b>True holder</b> (the shortest path): {@code static TypeFactory.instance →
 *       TypeFactory._typeCache → LRUMap._map → PrivateMaxEntriesMap.data → ConcurrentHashMap.table →
 *       Node[] [*] → Node.key (class ReportSummary) → <classloader>}: Jackson's JVM-wide default
 *       TypeFactory, shared by every mapper; also {@code static ReportExports.JSON →
 *       ObjectMapper._serializerProvider → _serializerCache → SerializerCache._sharedMap → LRUMap._map → …
 *       → BeanSerializer}. Fix: the host empties both ({@code flushCachedSerializers()},
 *       {@code getTypeFactory().clearCache()}); verified: one loader left each round.</li>
 * </ul>
 *
 * <h2>Shallow sizes (from the histograms)</h2>
 * {@code PooledSocket} (two references and a long): 32 bytes by default, 40 with
 * {@code -XX:-UseCompressedOops}, 24 with {@code -XX:+UseCompactObjectHeaders} (JDK 24+).
 *
 * <h2>Histogram versus dump (measured on JDK 17.0.15 and 25.0.3, G1)</h2>
 * <ul>
 *   <li>Scenario classes and the dump's array-length buckets match the designed numbers exactly.
 *       A few JDK classes ({@code [B}, {@code [I}, {@code String}, {@code Object[]}) differ by a
 *       handful of instances between a histogram and the dump that follows it.</li>
 *   <li>JDK 25 histograms count G1 filler objects, {@code [Ljdk.internal.vm.FillerElement;}
 *       (dead space, up to ~180 KB here); dumps do not contain them.</li>
 *   <li>Hidden classes print as {@code Foo$$Lambda/0x...} in histograms (JDK 17:
 *       {@code Foo$$Lambda$21/0x...}) but are named {@code Foo$$Lambda+0x...} in dumps.</li>
 *   <li>JDK 17 has 3 {@code byte[8192]} of its own, JDK 25 none.</li>
 * </ul>
 */
package org.hprofdiff.testdata.scenarios;
