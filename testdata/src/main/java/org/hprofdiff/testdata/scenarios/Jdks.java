package org.hprofdiff.testdata.scenarios;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds installed JDKs by feature version (17, 25, ...), so tests can run scenarios in several JVMs
 * and skip, rather than fail, when one is not installed. A home's version is read from its
 * {@code release} file, which every JDK since 9 (and most 8 builds) ships; nothing is started.
 *
 * <p>Looked at, in order: system property {@code hprofdiff.jdk<N>}, environment variable
 * {@code JAVA<N>_HOME} (e.g. {@code JAVA17_HOME}, as CI images set), {@code JAVA_HOME}, the running
 * JVM's {@code java.home}, then the usual install folders ({@code /usr/lib/jvm/*},
 * {@code /usr/java/*}, {@code /opt/java/*}, {@code /opt/*}, {@code ~/.sdkman/candidates/java/*},
 * {@code ~/.jdks/*}, {@code /Library/Java/JavaVirtualMachines/*}{@code /Contents/Home}).
 */
public final class Jdks {

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9][^\"\\s]*)\"?");

    private Jdks() {
    }

    /** A JDK home whose feature version is {@code feature}, or empty when none is installed. */
    public static Optional<Path> find(int feature) {
        return candidates(feature).stream()
                .filter(home -> featureVersion(home).orElse(-1) == feature)
                .findFirst();
    }

    /** The home of the JVM running this code. */
    public static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The {@code java} launcher of a JDK home. */
    public static Path javaExecutable(Path javaHome) {
        Path unix = javaHome.resolve("bin").resolve("java");
        Path windows = javaHome.resolve("bin").resolve("java.exe");
        return Files.isRegularFile(windows) && !Files.isRegularFile(unix) ? windows : unix;
    }

    /**
     * The feature version of a Java home from its {@code release} file ({@code JAVA_VERSION="17.0.15"}
     * → 17, {@code "1.8.0_392"} → 8); empty when it is not a Java home with a launcher.
     */
    public static OptionalInt featureVersion(Path javaHome) {
        if (!Files.isRegularFile(javaExecutable(javaHome))) {
            return OptionalInt.empty();
        }
        String release;
        try {
            release = Files.readString(javaHome.resolve("release"));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Matcher m = JAVA_VERSION.matcher(release);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        String[] parts = m.group(1).split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return OptionalInt.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The places looked at for {@code feature}, in order, existing directories only. */
    static List<Path> candidates(int feature) {
        Set<Path> homes = new LinkedHashSet<>();
        addIfSet(homes, System.getProperty("hprofdiff.jdk" + feature));
        addIfSet(homes, System.getenv("JAVA" + feature + "_HOME"));
        addIfSet(homes, System.getenv("JAVA_HOME"));
        homes.add(current());
        String userHome = System.getProperty("user.home", "");
        for (String parent : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/opt",
                userHome + "/.sdkman/candidates/java", userHome + "/.jdks")) {
            homes.addAll(children(Path.of(parent)));
        }
        for (Path macJdk : children(Path.of("/Library/Java/JavaVirtualMachines"))) {
            homes.add(macJdk.resolve("Contents").resolve("Home"));
        }
        List<Path> existing = new ArrayList<>();
        for (Path home : homes) {
            if (Files.isDirectory(home)) {
                existing.add(home);
            }
        }
        return existing;
    }

    private static void addIfSet(Set<Path> homes, String value) {
        if (value != null && !value.isBlank()) {
            homes.add(Path.of(value));
        }
    }

    private static List<Path> children(Path parent) {
        List<Path> children = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return children;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            entries.forEach(children::add);
        } catch (IOException | RuntimeException e) {
            return children; // an unreadable folder only means fewer candidates
        }
        children.sort(null); // deterministic choice when two installs have the same version
        return children;
    }
}
