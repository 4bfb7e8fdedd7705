package org.hprofdiff.core.read;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/** A child JVM for tests to dump with jcmd: holds a few megabytes of objects, says "ready", exits on a line from stdin. */
public final class DumpTarget {
    static final List<Object> HELD = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 60_000; i++) {
            HELD.add(new int[i % 50]);
            HELD.add("string " + i);
            HELD.add(new Object[] {HELD.get(HELD.size() - 1), null});
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
    }
}
