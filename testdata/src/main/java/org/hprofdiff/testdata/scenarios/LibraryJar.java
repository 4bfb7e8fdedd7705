package org.hprofdiff.testdata.scenarios;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * A library jar a real-world scenario's child needs. The parent finds it where it loaded the library
 * from itself: the code source of {@link #probeClass}, loaded without initialising it. So a module
 * that runs the scenario only needs the library as a (test) dependency; nothing names a path in
 * {@code ~/.m2}.
 *
 * @param artifact   Maven coordinates, for the message when the library is missing
 * @param probeClass a class of that jar (and of no other jar the scenario needs)
 * @param placement  where the child gets the jar
 */
public record LibraryJar(String artifact, String probeClass, Placement placement) {

    /**
     * The child's system property that lists the {@link Placement#PLUGIN_BUNDLE} jars (path separator
     * between them), for the plugin host to add to each plugin version's loader.
     */
    public static final String PLUGIN_BUNDLE_PROPERTY = "hprofdiff.scenario.pluginJars";

    /** Where the child gets a jar. */
    public enum Placement {
        /** On the child's class path: the application loader defines its classes. */
        CLASS_PATH,
        /**
         * Bundled with a plugin: not on the class path (so the application loader never defines its
         * classes) but named in {@link #PLUGIN_BUNDLE_PROPERTY}, so each plugin version's loader
         * defines its own copies, as a plugin that ships its JDBC driver does.
         */
        PLUGIN_BUNDLE
    }

    /** A jar the child has on its class path. */
    public static LibraryJar onClassPath(String artifact, String probeClass) {
        return new LibraryJar(artifact, probeClass, Placement.CLASS_PATH);
    }

    /** A jar each plugin version bundles. */
    public static LibraryJar inPlugin(String artifact, String probeClass) {
        return new LibraryJar(artifact, probeClass, Placement.PLUGIN_BUNDLE);
    }

    /**
     * The jar (or folder) the parent loaded {@link #probeClass} from.
     *
     * @throws IllegalStateException naming the artifact when the parent does not have it
     */
    public Path locate(ClassLoader parentLoader) {
        Class<?> probe;
        try {
            probe = Class.forName(probeClass, false, parentLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("this scenario needs " + artifact + " where it is started from (class "
                    + probeClass + " not found); add it as a (test) dependency of the module that runs it");
        }
        CodeSource source = probe.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell which jar " + probeClass + " (" + artifact + ") came from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException(artifact + " was loaded from " + source.getLocation() + ", not a file", e);
        }
    }
}
