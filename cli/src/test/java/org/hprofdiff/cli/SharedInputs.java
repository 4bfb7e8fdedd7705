package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Real files from other JVMs in ../shared/dumps, which a fresh clone lacks: tests that need one skip, saying why. */
final class SharedInputs {
    private SharedInputs() {}

    static Path require(String name) {
        Path p = Path.of(System.getProperty("hprofdiff.sharedDumps", "../shared/dumps")).resolve(name).normalize();
        assumeTrue(Files.isReadable(p), "shared dump " + p + " is absent (../shared/dumps is not part of the project); skipped");
        return p;
    }
}
