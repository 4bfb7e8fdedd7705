package org.hprofdiff.index;

import java.util.Arrays;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ClassTable;
import org.hprofdiff.index.table.RootTable;

/**
 * What stands in for the GC roots a partial dump lost (docs/semantics.md, section 14). HotSpot writes a
 * system-class root for every class of the bootstrap loader but arrays and hidden classes ({@code Name+0x...}):
 * such classes are never unloaded, and through their static fields and the class loaders those hold, every
 * application class and its statics are reached. A serial dump (JDK 20 and older) writes all roots after all
 * objects, so a dump cut anywhere has none of them; a parallel dump (JDK 21+) writes them before the objects, so
 * a cut dump keeps them. So: each such class whose class object the roots read do not name stands in for the
 * system-class root the dump lost. A complete dump needs none.
 */
final class StandInRoots {
    private StandInRoots() {}

    /** The ordinals, ascending, of the class objects that stand in for lost system-class roots. */
    static long[] of(ClassTable classes, RootTable roots) {
        long[] boot = classes.all().stream().filter(StandInRoots::systemClass).mapToLong(ClassInfo::ordinal).sorted().distinct().toArray();
        boolean[] rooted = new boolean[boot.length];
        for (long r = 0, n = roots.size(); r < n; r++) {
            long ordinal = roots.ordinal(r);
            int at = ordinal < 0 ? -1 : Arrays.binarySearch(boot, ordinal);
            if (at >= 0) rooted[at] = true;
        }
        int kept = 0;
        for (int i = 0; i < boot.length; i++) if (!rooted[i]) boot[kept++] = boot[i];
        return Arrays.copyOf(boot, kept);
    }

    /** A class HotSpot writes a system-class root for: the bootstrap loader's, in the dump, not an array, not hidden. */
    private static boolean systemClass(ClassInfo c) {
        return c.loaderId() == 0 && c.ordinal() >= 0 && c.kind() == ClassInfo.Kind.INSTANCE && c.name().indexOf('+') < 0;
    }
}
