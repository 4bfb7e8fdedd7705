package org.hprofdiff.testdata.scenarios.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.hprofdiff.testdata.scenarios.ScenarioRunner;

/**
 * The report plugin's jar, written by the child at start from the plugin's {@code .class} files on its
 * own class path (a classes folder in tests, the shaded jar in the demo), so that each plugin version's
 * loader reads them from a jar and defines its own copies.
 */
final class PluginJar {

    /** The plugin's package. */
    static final String PACKAGE = "org.hprofdiff.testdata.scenarios.plugin.report";
    private static final String PACKAGE_PATH = PACKAGE.replace('.', '/') + "/";

    private PluginJar() {
    }

    /** Writes {@code report-plugin.jar} into {@code folder} (created if missing) and returns it. */
    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path jar = folder.resolve("report-plugin.jar");
        Path source = ScenarioRunner.testdataClasspath();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            if (Files.isDirectory(source)) {
                for (Path classFile : classFilesIn(source.resolve(PACKAGE_PATH))) {
                    copy(out, PACKAGE_PATH + classFile.getFileName(), Files.newInputStream(classFile));
                }
            } else {
                try (JarFile classes = new JarFile(source.toFile())) {
                    for (Enumeration<JarEntry> entries = classes.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        if (isPluginClass(entry.getName())) {
                            copy(out, entry.getName(), classes.getInputStream(entry));
                        }
                    }
                }
            }
        }
        return jar;
    }

    private static List<Path> classFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> classFiles = new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".class")).toList());
            if (classFiles.isEmpty()) {
                throw new IOException("no plugin classes in " + folder);
            }
            classFiles.sort(null);
            return classFiles;
        }
    }

    private static boolean isPluginClass(String entryName) {
        return entryName.startsWith(PACKAGE_PATH) && entryName.endsWith(".class")
                && entryName.indexOf('/', PACKAGE_PATH.length()) < 0;
    }

    private static void copy(JarOutputStream out, String name, InputStream classBytes) throws IOException {
        try (InputStream in = classBytes) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
