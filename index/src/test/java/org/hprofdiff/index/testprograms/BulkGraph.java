package org.hprofdiff.index.testprograms;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs in a child JVM: about two million live objects (maps, lists, arrays, strings) so that an index
 * build takes long enough to be interrupted at many points; dumps itself to {@code args[0]}.
 */
public final class BulkGraph {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Random r = new Random(7);
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < 200_000; i++) map.put(i, "v" + r.nextInt(1000));
        KEEP.add(map);
        for (int i = 0; i < 20_000; i++) {
            Object[] a = new Object[r.nextInt(30)];
            for (int j = 0; j < a.length; j++) a[j] = j % 3 == 0 ? null : KEEP.get(r.nextInt(KEEP.size()));
            KEEP.add(a);
            KEEP.add(new long[r.nextInt(20)]);
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
    }
}
