package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real dumps from other JVMs in ../shared/dumps (not part of the project). Tests that read them
 * are skipped, with the reason, when the folder is absent, as it is in a fresh clone.
 */
public final class SharedDumps {
    private SharedDumps() {}

    public static Path require(String name) {
        String dir = System.getProperty("hprofdiff.sharedDumps", "../shared/dumps");
        Path p = Path.of(dir).resolve(name).normalize();
        assumeTrue(Files.isReadable(p), "shared dump " + p + " is absent (../shared/dumps is not part of the project); skipped");
        return p;
    }
}
