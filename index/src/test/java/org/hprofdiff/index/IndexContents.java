package org.hprofdiff.index;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hprofdiff.index.store.Manifest;

/**
 * What an index directory holds, for comparing two builds of one dump: every manifest entry except the build's
 * own timings and where the indexed file was (a gzip dump's copy is in the index directory), and a SHA-256 of every
 * file the build wrote (headers, data and footers, byte for byte).
 */
public final class IndexContents {
    private IndexContents() {}

    public static Map<String, String> of(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path mp = dir.resolve(Manifest.FILE);
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(mp, StandardOpenOption.READ)) {
            Manifest m = Manifest.read(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena), mp, null);
            m.entries().forEach((k, v) -> {
                if (!k.startsWith("build.") && !k.equals("dump.path")) out.put("manifest " + k, v);
            });
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.equals(Manifest.FILE) || !Files.isRegularFile(f)) continue;
                out.put("file " + name, sha256(f));
            }
        }
        return out;
    }

    /** The entries in which two contents differ, as "key: a | b" lines (for failure messages). */
    public static java.util.List<String> differences(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().filter(k -> !java.util.Objects.equals(a.get(k), b.get(k))).map(k -> k + ": " + a.get(k) + " | " + b.get(k)).toList();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
