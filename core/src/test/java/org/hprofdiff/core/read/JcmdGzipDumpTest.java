package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HotSpot chunked-gzip dump: a child JVM (the JDK running the tests) is dumped with
 * {@code jcmd <pid> GC.heap_dump -gz=1}. Read in place, it must give exactly what the same dump gives when
 * the system's gzip (an independent inflater) has decompressed it to a plain file.
 */
class JcmdGzipDumpTest {
    @TempDir Path dir;

    @Test
    void chunkedGzipFromJcmdReadsLikeItsDecompressedCopy() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path java = javaHome.resolve("bin/java"), jcmd = javaHome.resolve("bin/jcmd");
        assumeTrue(Files.isExecutable(jcmd), "no jcmd in " + javaHome);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gzip")) || Files.isExecutable(Path.of("/bin/gzip")), "no gzip command");
        Path gz = dir.resolve("child.hprof.gz");

        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DumpTarget.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("ready "), "child said: " + ready);
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "GC.heap_dump", "-gz=1", gz.toString())
                    .redirectErrorStream(true).start();
            String jcmdOutput = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(dump.waitFor(60, TimeUnit.SECONDS) && dump.exitValue() == 0, jcmdOutput);
        } finally {
            try (OutputStream in = child.getOutputStream()) {
                in.write('\n');
            } catch (java.io.IOException ignored) {
                // the child is gone already
            }
            if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly();
        }

        byte[] start = new byte[64];
        try (var in = Files.newInputStream(gz)) {
            in.readNBytes(start, 0, start.length);
        }
        assertEquals(0x10, start[3], "first member has a comment (FLG.FCOMMENT)");
        assertTrue(new String(start, StandardCharsets.ISO_8859_1).contains("HPROF BLOCKSIZE="), "HotSpot's chunked gzip");

        Path plain = dir.resolve("child.hprof");
        Process gunzip = new ProcessBuilder("gzip", "-dc", gz.toString()).redirectOutput(plain.toFile()).start();
        assertEquals(0, gunzip.waitFor());
        assertTrue(Files.size(plain) > 2 * (1 << 20), "more than two 1 MiB chunks: " + Files.size(plain));

        ObjectCounter fromGzip = new ObjectCounter(), fromPlain = new ObjectCounter();
        ReadResult gzResult = HprofReader.read(gz, fromGzip);
        ReadResult plainResult = HprofReader.read(plain, fromPlain);
        assertFalse(gzResult.isPartial(), () -> gzResult.problems() + " " + gzResult.truncation());
        assertEquals(Files.size(plain), gzResult.bytesRead());
        assertEquals(plainResult.recordCounts(), gzResult.recordCounts());
        assertTrue(fromPlain.objects() > 180_000, "the child's objects are there: " + fromPlain.objects());
        assertEquals(fromPlain.objects(), fromGzip.objects());
        assertEquals(fromPlain.instances, fromGzip.instances);
        assertEquals(fromPlain.primitiveArrays, fromGzip.primitiveArrays);
        assertEquals(fromPlain.classDumps, fromGzip.classDumps);
        assertEquals(fromPlain.roots, fromGzip.roots);
        assertEquals(fromPlain.strings, fromGzip.strings);
    }
}
