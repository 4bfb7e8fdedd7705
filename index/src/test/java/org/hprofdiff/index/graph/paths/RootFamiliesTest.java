package org.hprofdiff.index.graph.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.InMemoryGraph;
import org.hprofdiff.index.graph.NodeFilter;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.RootContext;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where paths start (docs/semantics.md, section 9), on hand-drawn graphs of the two shapes issue 10 names: a
 * library singleton whose registry its worker thread also holds, one step closer; and a plugin class loader
 * pinned by a JDK registry, whose own class's static field must not be taken for the cause.
 */
class RootFamiliesTest {
    @TempDir
    Path dir;
    private final Scratch scratch = Scratch.inMemory();

    @AfterEach
    void release() {
        scratch.close();
    }

    private record Singleton(InMemoryGraph graph, int reaperClass, int reaper, int map, int task, int manager) {}

    /*
     * class Reaper --static INSTANCE--> reaper --connectionManagers--> map --table--> manager
     * thread "idle-connection-reaper": frame local --> task --connectionManagers--> map; a second frame local --> map
     */
    private static Singleton singleton() {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int cls = b.type("java.lang.Class");
        int reaperType = b.type("com.acme.sdk.Reaper");
        int taskType = b.type("com.acme.sdk.Reaper$ReaperTask");
        int mapType = b.type("java.util.concurrent.ConcurrentHashMap");
        int managerType = b.type("com.acme.http.Manager");
        int reaperClass = b.classObject(cls, reaperType, 100);
        int reaper = b.object(reaperType, 16);
        int task = b.object(taskType, 16);
        int map = b.object(mapType, 64);
        int manager = b.object(managerType, 40);
        RootContext frame = new RootContext("idle-connection-reaper", "com.acme.sdk.Reaper$ReaperTask.run");
        b.root(task, GcRootKind.JAVA_FRAME, frame).root(map, GcRootKind.JAVA_FRAME, frame);
        b.field(task, "connectionManagers", map);
        b.staticField(reaperClass, "INSTANCE", reaper).field(reaper, "connectionManagers", map).field(map, "table", manager);
        b.root(reaperClass, GcRootKind.STICKY_CLASS);
        return new Singleton(b.build(), reaperClass, reaper, map, task, manager);
    }

    @Test
    void aStaticFieldOfAPermanentClassLeadsEvenWhenAThreadIsCloser() throws IOException {
        Singleton s = singleton();
        try (ShortestPaths sp = ShortestPaths.compute(s.graph(), References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE)) {
            assertTrue(sp.isStaticStart(s.reaper()));
            assertFalse(sp.isRoot(s.map()), "the map is a frame's local, but the static field reaches it too");
            assertEquals(RootFamily.STATIC_FIELD, sp.family(s.graph(), s.map()));
            assertArrayEquals(new long[] {s.reaperClass(), s.reaper(), s.map(), s.manager()}, sp.path(s.graph(), s.manager()));
            assertEquals(RootFamily.THREAD, sp.family(s.graph(), s.task()), "nothing static holds the task");
            assertTrue(sp.isRoot(s.task()));
        }
    }

    private record Plugin(InMemoryGraph graph, int registryClass, int driver, int driverClass, int loader, int pluginClass,
                          int templates, int entry) {}

    /*
     * class DriverManager (permanent) --static registeredDrivers--> list --array--> Object[] --[0]--> info --driver--> driver
     * driver (CsvReportDriver, transient) --<class>--> class CsvReportDriver --<classloader>--> loader "report-plugin-v3"
     * loader --classes--> Object[] --[*]--> class CsvReportDriver, class ReportPlugin
     * class ReportPlugin (transient) --static TEMPLATES--> templates (HashMap) --table--> entry
     */
    private static Plugin plugin() {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int cls = b.type("java.lang.Class");
        int registryType = b.type("java.sql.DriverManager");
        int listType = b.type("java.util.concurrent.CopyOnWriteArrayList");
        int arrayType = b.type("java.lang.Object[]");
        int infoType = b.type("java.sql.DriverInfo");
        int driverType = b.type("com.acme.report.CsvReportDriver");
        int loaderType = b.type("java.net.URLClassLoader");
        int pluginType = b.type("com.acme.report.ReportPlugin");
        int mapType = b.type("java.util.HashMap");
        int entryType = b.type("java.util.HashMap$Node");
        b.transientClass(driverType).transientClass(pluginType);
        int registryClass = b.classObject(cls, registryType, 100);
        int list = b.object(listType, 24);
        int array = b.object(arrayType, 24);
        int info = b.object(infoType, 24);
        int driver = b.object(driverType, 16);
        int driverClass = b.classObject(cls, driverType, 100);
        int loader = b.object(loaderType, 80);
        int classes = b.object(arrayType, 24);
        int pluginClass = b.classObject(cls, pluginType, 100);
        int templates = b.object(mapType, 48);
        int entry = b.object(entryType, 32);
        b.root(registryClass, GcRootKind.STICKY_CLASS);
        b.staticField(registryClass, "registeredDrivers", list).field(list, "array", array).element(array, 0, info).field(info, "driver", driver);
        b.internal(driver, "<class>", driverClass).internal(driverClass, "<classloader>", loader).loaderName(loader, "report-plugin-v3");
        b.field(loader, "classes", classes).element(classes, 0, driverClass).element(classes, 1, pluginClass);
        b.internal(pluginClass, "<classloader>", loader);
        b.staticField(pluginClass, "TEMPLATES", templates).field(templates, "table", entry);
        return new Plugin(b.build(), registryClass, driver, driverClass, loader, pluginClass, templates, entry);
    }

    @Test
    void aStaticFieldOfAClassThatCouldBeUnloadedIsNoStart() throws IOException {
        Plugin p = plugin();
        try (ShortestPaths sp = ShortestPaths.compute(p.graph(), References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE)) {
            assertFalse(sp.isPathStart(p.templates()), "ReportPlugin.TEMPLATES: its class's loader could be unloaded");
            assertEquals(RootFamily.STATIC_FIELD, sp.family(p.graph(), p.templates()));
            long[] path = sp.path(p.graph(), p.entry());
            assertEquals(p.registryClass(), path[0], "the path starts at the JDK's registry");
            List<Long> through = new ArrayList<>();
            for (long x : path) through.add(x);
            assertTrue(through.containsAll(List.of((long) p.driver(), (long) p.driverClass(), (long) p.loader(), (long) p.pluginClass(),
                    (long) p.templates())), "through the driver, its class, their loader and the plugin's class: " + through);
        }
    }

    @Test
    void mergedPathsNameTheLoaderAndGoOnThroughTheStaticField() throws IOException {
        Plugin p = plugin();
        InMemoryGraph g = p.graph();
        boolean[] entries = new boolean[g.classCount()];
        entries[g.classIndex(p.entry())] = true;
        try (ShortestPaths sp = ShortestPaths.compute(g, References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE);
             DominatorTree dt = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("d"), scratch, PhaseListener.NONE)) {
            PathTree tree = MergedPaths.merge(g, sp, dt, NodeFilter.ofClasses(g, entries), MergedPaths.Options.DEFAULT, scratch);
            PathNode leaf = tree.top();
            while (!leaf.children().isEmpty()) leaf = leaf.children().getFirst();
            assertEquals("static java.sql.DriverManager.registeredDrivers → java.util.concurrent.CopyOnWriteArrayList.array"
                    + " → java.lang.Object[] [*] → java.sql.DriverInfo.driver → com.acme.report.CsvReportDriver.<class>"
                    + " → com.acme.report.CsvReportDriver.<classloader> java.net.URLClassLoader \"report-plugin-v#\""
                    + " → java.net.URLClassLoader.classes → java.lang.Object[] [*] → static com.acme.report.ReportPlugin.TEMPLATES"
                    + " → java.util.HashMap.table → java.util.HashMap$Node", leaf.signature());
            assertArrayEquals(new long[] {p.entry()}, leaf.samples());
            assertEquals(Set.of((long) p.loader()), leaf.loaders(), "the loader that keeps the entry's class");
            PathNode loaderStep = leaf;
            while (!(loaderStep.step() instanceof PathStep.Loader)) loaderStep = loaderStep.parent();
            assertEquals("report-plugin-v# (java.net.URLClassLoader)", ((PathStep.Loader) loaderStep.step()).loaderWords());
        }
    }

    @Test
    void aStaticFieldsPathStopsShortOfALiveThread() throws IOException {
        // static Cleaner.common -> queue -> waiter (a live thread) -> contextClassLoader -> loader; the thread holds the loader
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int cls = b.type("java.lang.Class");
        int cleanerType = b.type("jdk.internal.ref.CleanerFactory");
        int t = b.type("T");
        int threadType = b.type("java.lang.Thread");
        int cleanerClass = b.classObject(cls, cleanerType, 100);
        int queue = b.object(t, 16), thread = b.object(threadType, 120), loader = b.object(t, 80);
        b.staticField(cleanerClass, "commonCleaner", queue).field(queue, "waiter", thread).field(thread, "contextClassLoader", loader);
        b.root(thread, GcRootKind.THREAD_OBJECT, new RootContext("pool-3-thread-1", null)).root(cleanerClass, GcRootKind.STICKY_CLASS);
        InMemoryGraph g = b.build();
        try (ShortestPaths sp = ShortestPaths.compute(g, References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE)) {
            assertEquals(RootFamily.STATIC_FIELD, sp.family(g, queue));
            assertTrue(sp.isRoot(thread), "the thread starts its own paths");
            assertArrayEquals(new long[] {thread, loader}, sp.path(g, loader));
        }
    }

    @Test
    void threadsComeBeforeJniGlobals() throws IOException {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int global = b.object(t, 8), thread = b.object(t, 8), held = b.object(t, 8), far = b.object(t, 8);
        b.root(global, GcRootKind.JNI_GLOBAL).field(global, "f", held);
        b.root(thread, GcRootKind.THREAD_OBJECT).field(thread, "a", far).field(far, "b", held);
        InMemoryGraph g = b.build();
        try (ShortestPaths sp = ShortestPaths.compute(g, References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE)) {
            assertArrayEquals(new long[] {thread, far, held}, sp.path(g, held), "the thread's path, though the JNI global's is shorter");
            assertEquals(RootFamily.OTHER, sp.family(g, global));
        }
    }

    @Test
    void storedPathsReopenWithTheirStarts() throws IOException {
        Singleton s = singleton();
        Path file = dir.resolve("stored");
        ShortestPaths.compute(s.graph(), References.STRONG, file, scratch, PhaseListener.NONE).close();
        try (ShortestPaths again = ShortestPaths.open(file)) {
            assertEquals(References.STRONG, again.references());
            assertTrue(again.isStaticStart(s.reaper()));
            assertTrue(again.isRoot(s.task()));
            assertArrayEquals(new long[] {s.reaperClass(), s.reaper(), s.map(), s.manager()}, again.path(s.graph(), s.manager()));
        }
    }
}
