package org.hprofdiff.index.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Where a dump's index lives. With an explicit directory ({@code --index-dir}, else the
 * {@value #ENV} environment variable) only there; otherwise beside the dump ({@code DUMP.hdidx}), or
 * in the per-user cache directory when the dump's directory cannot be written. Indexes outside the
 * dump's directory are named {@code DUMPNAME.<hash of the dump's absolute path>.hdidx}, so dumps with
 * the same name in different directories do not share one.
 */
public final class IndexLocator {
    public static final String ENV = "HPROF_DIFF_INDEX_DIR";
    public static final String SUFFIX = ".hdidx";

    private final Path explicitDir;
    private final Path userCacheDir;

    public IndexLocator(Path explicitDir, Path userCacheDir) {
        this.explicitDir = explicitDir;
        this.userCacheDir = userCacheDir;
    }

    /** The option wins over the environment variable; the cache is $XDG_CACHE_HOME or ~/.cache. */
    public static IndexLocator of(Path optionDir, Map<String, String> env) {
        Path explicit = optionDir;
        if (explicit == null && env.get(ENV) != null && !env.get(ENV).isBlank()) explicit = Path.of(env.get(ENV));
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new IndexLocator(explicit, cache.resolve("hprof-diff"));
    }

    /** A place an index may be, and why it is there (for notes). */
    public record Location(Path dir, String kind) {
        public Path lockFile() { return dir.resolveSibling(dir.getFileName() + ".lock"); }
    }

    /** Places to look for an existing index, in order; the first writable one is where a build goes. */
    public List<Location> candidates(Path dump) {
        Path abs = dump.toAbsolutePath().normalize();
        List<Location> list = new ArrayList<>();
        if (explicitDir != null) {
            list.add(new Location(explicitDir.toAbsolutePath().normalize().resolve(keyedName(abs)), "index directory"));
            return list;
        }
        list.add(new Location(abs.resolveSibling(abs.getFileName() + SUFFIX), "beside the dump"));
        list.add(new Location(userCacheDir.toAbsolutePath().normalize().resolve(keyedName(abs)), "user cache"));
        return list;
    }

    public boolean isExplicit() { return explicitDir != null; }

    /** The failure when no candidate's folder can be written: each folder tried and where to point instead. */
    public IndexPlaceException nowhereToWrite(Path dump, List<Location> tried) {
        List<String> places = tried.stream().map(c -> c.dir().getParent() + " (" + c.kind() + ")").toList();
        return new IndexPlaceException("no writable place for the index of " + dump + ": cannot create or write the folder "
                + String.join(", nor ", places) + "; give " + (isExplicit() ? "another" : "one") + " with --index-dir DIR");
    }

    static String keyedName(Path absDump) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(absDump.toString().getBytes(StandardCharsets.UTF_8));
            return absDump.getFileName() + "." + HexFormat.of().formatHex(h, 0, 4) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a build can create files in the directory that would hold {@code location}. */
    public static boolean writable(Location location) {
        Path parent = location.dir().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            return false;
        }
        return Files.isWritable(parent);
    }
}
