package org.hprofdiff.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version Maven wrote into the jar, and the JVM running it. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/hprof-diff-version.properties")) {
            if (in != null) p.load(in);
        }
        return new String[] {
            "hprof-diff " + p.getProperty("version", "(unknown version)"),
            "JVM: ${java.vm.name} ${java.version} (${java.home})"
        };
    }
}
