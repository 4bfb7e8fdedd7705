package org.hprofdiff.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real dumps of other JVMs in ../shared/dumps (not part of the project), where present. The same
 * convention as core's test helper of that name: the folder comes from the {@code hprofdiff.sharedDumps}
 * property, and tests that need a dump are skipped when it is absent.
 */
final class SharedDumps {
    private SharedDumps() {}

    /** hprof dumps: 4- and 8-byte ids, segmented and not, HotSpot and the hprof agent, one gzip-compressed (JDK 11). */
    static final List<String> HPROF = List.of("sun_jdk6_18_x32.hprof", "sun_jdk5_64bit.hprof", "sun_jdk6_31_hprofagent_compressedOops.hprof",
            "openjdk_jdk11_04_x64.hprof.gz");

    static Stream<Path> present() {
        String dir = System.getProperty("hprofdiff.sharedDumps", "../shared/dumps");
        return HPROF.stream().map(n -> Path.of(dir).resolve(n).normalize()).filter(Files::isReadable);
    }
}
