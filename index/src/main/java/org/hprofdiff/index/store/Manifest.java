package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index's table of contents, written last: format facts, counts, the dump identity in clear, and
 * one line per data file ({@code file.NAME=width dataLength crc32c}). Text ({@code key=value} lines)
 * inside the usual header and footer, so a person can read it and a reader checks it like any file.
 * Its own checksum is always checked on open (it is small); the data files' checksums are checked by
 * {@code verify}.
 */
public final class Manifest {
    public static final String FILE = "manifest";
    static final String FILE_PREFIX = "file.";

    private final Map<String, String> entries;

    public Manifest() {
        this.entries = new LinkedHashMap<>();
    }

    private Manifest(Map<String, String> entries) {
        this.entries = entries;
    }

    public Manifest put(String key, Object value) {
        String v = String.valueOf(value);
        if (key.contains("=") || key.contains("\n") || v.contains("\n")) throw new IllegalArgumentException("manifest entry " + key);
        entries.put(key, v);
        return this;
    }

    public void putFile(String name, FileEntry entry) {
        put(FILE_PREFIX + name, entry.width() + " " + entry.dataLength() + " " + Integer.toUnsignedString(entry.crc32c()));
    }

    public String get(String key) {
        return entries.get(key);
    }

    public String require(String key, Path path) throws IndexCorruptException {
        String v = entries.get(key);
        if (v == null) throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES, "manifest has no '" + key + "'");
        return v;
    }

    public long requireLong(String key, Path path) throws IndexCorruptException {
        String v = require(key, path);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES, "manifest '" + key + "' is '" + v + "'; expected a number");
        }
    }

    public Map<String, String> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The data files listed, by name. */
    public Map<String, FileEntry> files() {
        Map<String, FileEntry> files = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith(FILE_PREFIX)) {
                String[] parts = v.split(" ");
                files.put(k.substring(FILE_PREFIX.length()),
                        new FileEntry(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Integer.parseUnsignedInt(parts[2])));
            }
        });
        return files;
    }

    public void write(Path path, byte[] identity) throws IOException {
        StringBuilder text = new StringBuilder();
        entries.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (SequentialWriter w = new SequentialWriter(path, FILE, identity, 0)) {
            w.putBytes(bytes, 0, bytes.length);
            w.finish();
        }
    }

    /** Parses a whole mapped manifest file, checking header, footer and checksum. */
    public static Manifest read(MemorySegment file, Path path, byte[] expectedIdentity) throws IndexCorruptException {
        FileHeader header = FileHeader.read(file, path, FILE, expectedIdentity);
        MemorySegment data = file.asSlice(IndexFormat.HEADER_BYTES, header.dataLength());
        if (Checksums.crc32c(data) != FileHeader.storedChecksum(file)) {
            throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES, "checksum mismatch; the manifest is damaged");
        }
        String text = new String(data.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES, "manifest line '" + line + "' has no '='");
            entries.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new Manifest(entries);
    }

    /** What the manifest records about one data file. */
    public record FileEntry(int width, long dataLength, int crc32c) {}
}
