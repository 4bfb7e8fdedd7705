package org.hprofdiff.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hprofdiff.index.testprograms.KnownGraph;

/**
 * Dumps written by child JVMs running test programs, cached under target/test-dumps by a hash of the
 * program's class file (a changed program writes a new dump).
 */
public final class TestDumps {
    private TestDumps() {}

    private static final Path DIR = Path.of("target", "test-dumps").toAbsolutePath();

    /** The heap dump of {@link KnownGraph} (a few MB). */
    public static synchronized Path knownGraph() throws Exception {
        return dumpOf(KnownGraph.class, List.of());
    }

    /** A dump of {@code program}, run in a child JVM with {@code jvmArgs}, its main given the output path. */
    public static synchronized Path dumpOf(Class<?> program, List<String> jvmArgs) throws Exception {
        Files.createDirectories(DIR);
        Path dump = DIR.resolve(program.getSimpleName() + "-" + classHash(program) + ".hprof");
        if (Files.exists(dump)) return dump;
        Path tmp = DIR.resolve(dump.getFileName().toString().replace(".hprof", ".tmp.hprof")); // dumpHeap wants the .hprof suffix
        Files.deleteIfExists(tmp);
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), program.getName(), tmp.toString()));
        Path log = DIR.resolve(program.getSimpleName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        if (!done || p.exitValue() != 0) throw new IllegalStateException(program.getName() + " failed: " + Files.readString(log));
        Files.move(tmp, dump, StandardCopyOption.ATOMIC_MOVE);
        return dump;
    }

    /**
     * A dump of {@link org.hprofdiff.index.testprograms.WaitsForJcmd} taken by {@code jcmd <pid> GC.heap_dump -parallel=4}:
     * the order a JDK 22+ parallel dump has (several address-ordered runs); empty where this JDK has no jcmd.
     */
    public static synchronized java.util.Optional<Path> parallelJcmdDump() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd) || Runtime.version().feature() < 22) return java.util.Optional.empty();
        Files.createDirectories(DIR);
        Path dump = DIR.resolve("WaitsForJcmd-" + classHash(org.hprofdiff.index.testprograms.WaitsForJcmd.class) + ".hprof");
        if (Files.exists(dump)) return java.util.Optional.of(dump);
        Path tmp = DIR.resolve("WaitsForJcmd.tmp.hprof");
        Files.deleteIfExists(tmp);
        Process child = childJvm(List.of("-Xmx256m"), org.hprofdiff.index.testprograms.WaitsForJcmd.class).redirectErrorStream(true).start();
        try {
            String ready = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine();
            if (!"ready".equals(ready)) throw new IllegalStateException("the child said " + ready);
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "GC.heap_dump", "-parallel=4", tmp.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("jcmd failed: " + out);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly();
        }
        Files.move(tmp, dump, StandardCopyOption.ATOMIC_MOVE);
        return java.util.Optional.of(dump);
    }

    /** Runs a main class in a child JVM with the test class path (for crash tests). */
    public static ProcessBuilder childJvm(List<String> jvmArgs, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classHash(Class<?> c) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Class<?> k : List.of(c, KnownGraph.class)) {
            try (InputStream in = k.getResourceAsStream(k.getSimpleName() + ".class")) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 6);
    }

    /** A fresh copy of a dump in {@code dir} (tests that modify or index beside it). */
    public static Path copy(Path dump, Path dir) throws IOException {
        Path copy = dir.resolve(dump.getFileName());
        Files.copy(dump, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return copy;
    }
}
