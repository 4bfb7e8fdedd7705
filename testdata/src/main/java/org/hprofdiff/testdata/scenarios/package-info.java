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
 * (live objects only, also after a full GC). Files in the output folder, {@code <s>} the scenario id:
 * <pre>
 * &lt;s&gt;-0.histo.txt                 histogram before round 1
 * &lt;s&gt;-&lt;r&gt;.histo.txt, &lt;s&gt;-&lt;r&gt;.hprof   per round, histogram just before the dump
 * &lt;s&gt;-manifest.properties          dumps, dump times, designed counts (see ScenarioManifest)
 * &lt;s&gt;-child.out.txt, -child.err.txt   the child's output
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
