package org.hprofdiff.testdata.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code VM.classloaders show-classes=true fold=false} ({@code jcmd <pid> VM.classloaders},
 * or the {@code vmClassloaders} operation of the {@code DiagnosticCommand} MBean), parsed: every live
 * class loader with its name, its class and the classes it defines. The same layout is printed by
 * JDK 17 and 25:
 *
 * <pre>
 * +-- &lt;bootstrap&gt;
 *       |               Classes: java.lang.Object
 *       |                        ...
 *       |                        (1711 classes)
 *       |        Hidden Classes: java.lang.invoke.LambdaForm$MH/0x00007fa0d0146800
 *       |                        (52 hidden classes)
 *       +-- "platform", jdk.internal.loader.ClassLoaders$PlatformClassLoader
 *             +-- "report-plugin-v1", java.net.URLClassLoader
 *             |                     Classes: pl.P
 *             |                              pl.P$Q
 *             |                              (2 classes)
 *             +-- java.net.URLClassLoader
 * </pre>
 *
 * A loader without a name has no quoted part. JDK 17's reflection defines
 * {@code jdk.internal.reflect.GeneratedConstructorAccessor1 (invokes: ...)}-style entries in
 * {@code DelegatingClassLoader}s: only the first word of an entry is the class name.
 *
 * @param loaders in printed order (parents before their children)
 */
public record ClassLoaderListing(List<Loader> loaders) {

    private static final Pattern NODE = Pattern.compile("^[ |]*\\+-- (?:\"([^\"]*)\", )?(\\S+)\\s*$");
    private static final Pattern CLASSES = Pattern.compile("^[ |]*(Hidden )?Classes: (\\S+).*$");
    private static final Pattern COUNT = Pattern.compile("^[ |]*\\((\\d+) (hidden )?class(?:es)?\\)\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^[ |]*(\\S+).*$");

    /**
     * One loader.
     *
     * @param name          {@link ClassLoader#getName()}, or "" when it has none; {@code <bootstrap>} for the boot loader
     * @param type          the loader's class ({@code java.net.URLClassLoader}), "" for the boot loader
     * @param classes       the classes it defines, as printed ({@link Class#getName()} form)
     * @param hiddenClasses how many hidden classes it defines
     */
    public record Loader(String name, String type, List<String> classes, int hiddenClasses) {
        public Loader {
            classes = List.copyOf(classes);
        }
    }

    public ClassLoaderListing {
        loaders = List.copyOf(loaders);
    }

    /** Reads and parses a listing file. */
    public static ClassLoaderListing read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses listing text.
     *
     * @throws IllegalArgumentException naming the line when a class list's count line disagrees with
     *                                  the entries above it, or when the text has no loader at all
     */
    public static ClassLoaderListing parse(String text) {
        List<Loader> loaders = new ArrayList<>();
        String name = null;
        String type = null;
        List<String> classes = new ArrayList<>();
        int hidden = 0;
        List<String> listing = null; // the list being read: classes, or the hidden ones counted in hiddenNames
        List<String> hiddenNames = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher node = NODE.matcher(line);
            if (node.matches()) {
                if (type != null) {
                    loaders.add(new Loader(name, type, classes, hidden));
                }
                boolean boot = node.group(2).equals("<bootstrap>");
                name = boot ? "<bootstrap>" : node.group(1) == null ? "" : node.group(1);
                type = boot ? "" : node.group(2);
                classes = new ArrayList<>();
                hidden = 0;
                hiddenNames = new ArrayList<>();
                listing = null;
                continue;
            }
            Matcher start = CLASSES.matcher(line);
            if (start.matches() && type != null) {
                listing = start.group(1) == null ? classes : hiddenNames;
                listing.add(start.group(2));
                continue;
            }
            Matcher count = COUNT.matcher(line);
            if (count.matches() && listing != null) {
                int printed = Integer.parseInt(count.group(1));
                if (printed != listing.size()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": says " + printed + " classes, "
                            + listing.size() + " listed above it");
                }
                if (listing == hiddenNames) {
                    hidden = printed;
                }
                listing = null;
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (listing != null && entry.matches()) {
                listing.add(entry.group(1));
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("no class loader in the listing (expected lines like '+-- <bootstrap>')");
        }
        loaders.add(new Loader(name, type, classes, hidden));
        return new ClassLoaderListing(loaders);
    }

    /** The loaders whose class is {@code type}, in printed order. */
    public List<Loader> ofType(String type) {
        return loaders.stream().filter(l -> l.type().equals(type)).toList();
    }
}
