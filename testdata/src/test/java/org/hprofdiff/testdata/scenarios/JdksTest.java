package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @Test
    void findsTheRunningJdk() {
        int feature = Runtime.version().feature();
        Path home = Jdks.find(feature).orElseThrow();
        assertEquals(OptionalInt.of(feature), Jdks.featureVersion(home));
        assertEquals(OptionalInt.of(feature), Jdks.featureVersion(Jdks.current()));
    }

    @Test
    void readsOldAndNewVersionStrings(@TempDir Path dir) throws IOException {
        assertEquals(OptionalInt.of(8), Jdks.featureVersion(fakeHome(dir.resolve("jdk8"), "JAVA_VERSION=\"1.8.0_392\"")));
        assertEquals(OptionalInt.of(17), Jdks.featureVersion(fakeHome(dir.resolve("jdk17"),
                "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\nOS_NAME=\"Linux\"")));
        assertEquals(OptionalInt.of(26), Jdks.featureVersion(fakeHome(dir.resolve("ea"), "JAVA_VERSION=\"26-ea\"")));
    }

    @Test
    void ignoresFoldersThatAreNotJavaHomes(@TempDir Path dir) throws IOException {
        assertTrue(Jdks.featureVersion(dir).isEmpty());
        Path noLauncher = Files.createDirectories(dir.resolve("nolauncher"));
        Files.writeString(noLauncher.resolve("release"), "JAVA_VERSION=\"21\"");
        assertTrue(Jdks.featureVersion(noLauncher).isEmpty());
        assertTrue(Jdks.find(3).isEmpty());
    }

    private static Path fakeHome(Path home, String release) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin").resolve("java"), "");
        Files.writeString(home.resolve("release"), release + "\n");
        return home;
    }
}
