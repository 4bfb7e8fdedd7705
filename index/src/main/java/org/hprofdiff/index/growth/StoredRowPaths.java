package org.hprofdiff.index.growth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.index.store.BlobDirectory;

/**
 * Each growing row's paths in one dump, described ({@link KeptPaths.Seen}), kept with the dump's analysis
 * ({@link org.hprofdiff.index.HeapAnalysis#rowPaths()}): what a comparison run again, or the next comparison of a
 * series that shares this dump, reads instead of walking the shortest paths, the dominator tree and the objects
 * again. Every path of the row is kept, not only those above a saved summary's floor, so the answer is the one a
 * fresh walk gives.
 *
 * <p>A row's blob is named by what its paths depend on besides the dump and the options (the directory holds
 * those): this form's version, the tool's build (the words of a path may change between builds) and the row
 * itself. The blob repeats that name, and one that does not match reads as absent.
 *
 * <pre>
 * blob:  name (string) · u4 paths · per path: signature, root kind?, steps [signature, display]*, holder package?,
 *        other holders [string]*, owner? (collection, field, display [string]*),
 *        loader? (loader, u4 step, u8 loaders, u8 classes, u8 retained bytes), u8 objects, u8 retained bytes
 * string: u4 UTF-8 length, bytes · x?: u1 0 (absent) or 1 then x · [x]*: u4 count, then each x
 * </pre>
 */
final class StoredRowPaths {
    /** Raised whenever what is written changes, so that blobs written before read as absent. */
    static final int VERSION = 1;
    private static final String TOOL_BUILD = toolBuild();

    private final BlobDirectory blobs;

    StoredRowPaths(BlobDirectory blobs) {
        this.blobs = blobs;
    }

    /** The row's stored paths; null when none are stored for it (or they cannot be trusted). */
    Map<String, KeptPaths.Seen> read(GrowingPaths.Sought row) {
        byte[] blob = blobs.read(name(row));
        if (blob == null) return null;
        try {
            return decode(blob, name(row));
        } catch (IOException | RuntimeException e) {
            return null; // a blob that does not decode is computed again and written over
        }
    }

    /** Stores the row's paths, replacing what was there. */
    void write(GrowingPaths.Sought row, Map<String, KeptPaths.Seen> paths) throws IOException {
        blobs.write(name(row), encode(name(row), paths));
    }

    static String name(GrowingPaths.Sought row) {
        return "row paths " + VERSION + " of hprof-diff build " + TOOL_BUILD + ": " + row.kind() + " " + row.id();
    }

    static byte[] encode(String name, Map<String, KeptPaths.Seen> paths) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, name);
            out.writeInt(paths.size());
            for (KeptPaths.Seen seen : paths.values()) {
                PathGrowth.Description d = seen.description();
                string(out, d.signature());
                optional(out, d.rootKind());
                out.writeInt(d.steps().size());
                for (int i = 0; i < d.steps().size(); i++) {
                    string(out, d.steps().get(i));
                    string(out, d.display().get(i));
                }
                optional(out, d.holderPackage());
                strings(out, d.alsoHeldBy());
                out.writeBoolean(d.owner() != null);
                if (d.owner() != null) {
                    string(out, d.owner().collection());
                    string(out, d.owner().field());
                    strings(out, d.owner().display());
                }
                PathGrowth.LoaderHold l = d.loader();
                out.writeBoolean(l != null);
                if (l != null) {
                    string(out, l.loader());
                    out.writeInt(l.step());
                    out.writeLong(l.loaders());
                    out.writeLong(l.classes());
                    out.writeLong(l.retainedBytes());
                }
                out.writeLong(seen.objects());
                out.writeLong(seen.retainedBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** The paths of a blob written by {@link #encode}; null when it was written for another name. */
    static Map<String, KeptPaths.Seen> decode(byte[] blob, String name) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
        if (!string(in).equals(name)) return null;
        int count = count(in);
        Map<String, KeptPaths.Seen> paths = new LinkedHashMap<>();
        for (int p = 0; p < count; p++) {
            String signature = string(in);
            String rootKind = optional(in);
            int stepCount = count(in);
            List<String> steps = new ArrayList<>(stepCount);
            List<String> display = new ArrayList<>(stepCount);
            for (int i = 0; i < stepCount; i++) {
                steps.add(string(in));
                display.add(string(in));
            }
            String holderPackage = optional(in);
            List<String> also = strings(in);
            PathGrowth.PathOwner owner = in.readBoolean() ? new PathGrowth.PathOwner(string(in), string(in), strings(in)) : null;
            PathGrowth.LoaderHold loader = in.readBoolean()
                    ? new PathGrowth.LoaderHold(string(in), in.readInt(), in.readLong(), in.readLong(), in.readLong()) : null;
            PathGrowth.Description d = new PathGrowth.Description(signature, rootKind, List.copyOf(steps), List.copyOf(display),
                    holderPackage, also, owner, loader);
            paths.put(signature, new KeptPaths.Seen(d, in.readLong(), in.readLong()));
        }
        if (in.read() != -1) throw new IOException("bytes after the last path");
        return paths;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) string(out, s);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) string(out, s);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(string(in));
        return List.copyOf(list);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("a count of " + n + " with " + in.available() + " bytes left");
        return n;
    }

    /**
     * The build of this code: its jar's size and time of change, so that any other build (a release, or a snapshot
     * rebuilt after a change to how paths are worded) reads blobs written by this one as absent; "classes" when run
     * from class folders (tests, an IDE), whose indexes are their own.
     */
    private static String toolBuild() {
        try {
            Path code = Path.of(StoredRowPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) return Files.size(code) + " bytes of " + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // no code source to tell builds apart: taken as class folders
        }
        return "classes";
    }
}
