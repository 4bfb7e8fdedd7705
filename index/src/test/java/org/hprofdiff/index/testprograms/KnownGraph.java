package org.hprofdiff.index.testprograms;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs in a child JVM: builds an object graph whose shape the tests know, then dumps its own heap
 * (live objects only) to {@code args[0]}. The shapes: a chain of {@value #CHAIN} nodes whose even
 * nodes have a null payload; an array with nulls; a two-object cycle; an object that refers to
 * itself; an instance of a class defined by its own class loader (the class-loader leak shape); a
 * named thread holding a local reference while the dump is taken.
 */
public final class KnownGraph {
    public static final int CHAIN = 1000;
    public static final String WORKER = "known-graph-worker";

    public static final class Node {
        Node next;
        Object payload;
        int index;
    }

    public static final class Pair {
        Pair other;
        String label;
    }

    public static final class SelfRef {
        SelfRef self;
        long stamp = 42;
    }

    /** The marker only the worker thread's stack refers to. */
    public static final class LocalMarker {
        final byte[] data = new byte[100];
    }

    static Node head;
    static Object[] sparse;
    static Pair cycle;
    static SelfRef self;
    static final List<Object> LEAKS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        for (int i = CHAIN - 1; i >= 0; i--) {
            Node n = new Node();
            n.next = head;
            n.index = i;
            n.payload = i % 2 == 0 ? null : Integer.valueOf(1_000_000 + i);
            head = n;
        }
        sparse = new Object[10];
        sparse[1] = head;
        sparse[4] = "four";
        sparse[9] = sparse;
        Pair a = new Pair();
        Pair b = new Pair();
        a.other = b;
        b.other = a;
        a.label = "a";
        cycle = a;
        self = new SelfRef();
        self.self = self;

        LeakLoader loader = new LeakLoader(KnownGraph.class.getClassLoader());
        Class<?> leaked = loader.loadClass(Leaked.NAME);
        loader.loadClass(LeakedHelper.NAME);
        LEAKS.add(leaked.getDeclaredConstructor().newInstance());

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            LocalMarker marker = new LocalMarker();
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (marker.data.length != 100) throw new AssertionError();
        }, WORKER);
        worker.setDaemon(true); // a failed dump must not leave the JVM waiting for it
        worker.start();
        holding.await();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        release.countDown();
        worker.join();
    }

    /** Defines the leak classes itself (child-first), so they belong to this loader, not the application's. */
    static final class LeakLoader extends ClassLoader {
        LeakLoader(ClassLoader parent) {
            super("leak-loader", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Leaked.NAME) && !name.equals(LeakedHelper.NAME)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c != null) return c;
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (java.io.IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
