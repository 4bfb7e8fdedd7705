package org.hprofdiff.index.testprograms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs in a child JVM until its standard input ends: a few hundred thousand live objects (maps, lists, arrays,
 * strings) for {@code jcmd <pid> GC.heap_dump -parallel=N} to dump, so that tests get the order a JDK 22+
 * parallel dump really has. Says "ready" on standard output once the objects are there.
 */
public final class WaitsForJcmd {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Random r = new Random(11);
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < 100_000; i++) map.put(i, "v" + r.nextInt(1000));
        KEEP.add(map);
        for (int i = 0; i < 30_000; i++) {
            Object[] a = new Object[r.nextInt(30)];
            for (int j = 0; j < a.length; j++) a[j] = j % 3 == 0 ? null : KEEP.get(r.nextInt(KEEP.size()));
            KEEP.add(a);
            KEEP.add(new long[r.nextInt(20)]);
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to close our input
        }
    }
}
