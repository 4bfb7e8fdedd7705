package org.hprofdiff.index;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ObjectFields;
import org.hprofdiff.index.table.ThreadInfo;

/**
 * Which class loaders of a dump live as long as the JVM (docs/semantics.md, section 9): their classes cannot be
 * unloaded, so a static field of one of them is where a retention path starts; a class of any other loader
 * could be unloaded, and what keeps its loader alive is part of the path (a plugin loader pinned by
 * {@code DriverManager.registeredDrivers}).
 *
 * <p>Permanent are: the bootstrap loader; the JDK's built-in loaders (by their class: platform, application,
 * JDK 8's extension and application loaders, Android's boot loader); the system class loader as the JDK
 * records it ({@code ClassLoader.scl}: also a custom {@code -Djava.system.class.loader}); the context class
 * loader of the JVM's main thread ({@code main}, or {@code DestroyJavaVM} once {@code main()} returned), where
 * launchers such as Spring Boot's, Quarkus' or Tomcat's put the application's own loader; and every parent of
 * a permanent loader. A loader the dump does not hold (a missing object) counts as permanent: there is nothing
 * to follow.
 */
public final class PermanentLoaders {
    /** The JDK's and Android's built-in loaders, by their class's Java name. */
    static final Set<String> BUILT_IN = Set.of(
            "jdk.internal.loader.ClassLoaders$AppClassLoader",
            "jdk.internal.loader.ClassLoaders$PlatformClassLoader",
            "jdk.internal.loader.ClassLoaders$BootClassLoader",
            "sun.misc.Launcher$AppClassLoader",
            "sun.misc.Launcher$ExtClassLoader",
            "java.lang.BootClassLoader");
    /** Static fields through which the JDK keeps the system class loader. */
    private static final String CLASS_LOADER = "java/lang/ClassLoader";
    private static final Set<String> SYSTEM_LOADER_FIELDS = Set.of("scl");
    /** Names the JVM's main thread has while {@code main()} runs and after it returned. */
    private static final Set<String> MAIN_THREAD = Set.of("main", "DestroyJavaVM");

    private final boolean[] permanentClass;
    private final Set<Long> permanentLoaders;

    private PermanentLoaders(boolean[] permanentClass, Set<Long> permanentLoaders) {
        this.permanentClass = permanentClass;
        this.permanentLoaders = permanentLoaders;
    }

    /** Decides for every class and loader of {@code index}; reads a few fields of a few objects. */
    public static PermanentLoaders of(DumpIndex index) {
        ObjectFields fields = index.fields();
        Deque<Long> pending = new ArrayDeque<>();
        Set<Long> loaders = new HashSet<>();
        for (ClassInfo c : index.classes().all()) if (c.loaderOrdinal() >= 0) loaders.add(c.loaderOrdinal());
        for (long loader : loaders) if (BUILT_IN.contains(index.classOf(loader).javaName())) pending.add(loader);
        for (ClassInfo c : index.classes().all()) {
            if (!c.name().equals(CLASS_LOADER)) continue;
            for (ClassInfo.Static s : c.statics()) {
                if (s.type() == BasicType.OBJECT && s.value() != 0 && SYSTEM_LOADER_FIELDS.contains(s.name())) add(pending, index.ordinalOf(s.value()));
            }
        }
        for (ThreadInfo t : index.threads().all()) {
            if (MAIN_THREAD.contains(t.name()) && t.ordinal() >= 0) add(pending, fields.referenceField(t.ordinal(), "contextClassLoader"));
        }
        Set<Long> permanent = new HashSet<>();
        while (!pending.isEmpty()) {
            long loader = pending.pop();
            if (permanent.add(loader)) add(pending, fields.referenceField(loader, "parent"));
        }
        boolean[] classes = new boolean[index.classes().size()];
        for (ClassInfo c : index.classes().all()) {
            classes[c.index()] = c.loaderId() == 0 || c.loaderOrdinal() < 0 || permanent.contains(c.loaderOrdinal());
        }
        return new PermanentLoaders(classes, Set.copyOf(permanent));
    }

    private static void add(Deque<Long> pending, long ordinal) {
        if (ordinal >= 0) pending.add(ordinal);
    }

    /** Whether class {@code classIndex}'s defining loader lives as long as the JVM. */
    public boolean permanentClass(int classIndex) {
        return permanentClass[classIndex];
    }

    /** Whether the loader object {@code ordinal} lives as long as the JVM. */
    public boolean permanentLoader(long ordinal) {
        return permanentLoaders.contains(ordinal);
    }
}
