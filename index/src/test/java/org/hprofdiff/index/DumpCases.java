package org.hprofdiff.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One dump of every kind the index must read alike, for parameterised tests: a JDK 25 dump of a known graph, a
 * parallel jcmd dump when this JDK writes one, synthetic Android and shuffled-record dumps, a generated dump in the
 * JDK 22+ order, and the real old-JVM dumps of ../shared/dumps when present (the agent file's second dump too).
 */
record DumpCases(String name, Path dump, int dumpNumber) {
    @Override public String toString() { return name + (dumpNumber > 1 ? " dump " + dumpNumber : ""); }

    static Stream<Arguments> all() throws Exception {
        List<DumpCases> cases = new ArrayList<>();
        cases.add(new DumpCases("JDK 25 (KnownGraph)", TestDumps.knownGraph(), 1));
        TestDumps.parallelJcmdDump().ifPresent(p -> cases.add(new DumpCases("JDK 25 jcmd -parallel=4", p, 1)));
        cases.add(new DumpCases("synthetic Android", SyntheticDumps.android(), 1));
        cases.add(new DumpCases("synthetic shuffled", SyntheticDumps.shuffled(), 1));
        cases.add(new DumpCases("generated, JDK 22+ order", SyntheticDumps.largeGenerated(), 1));
        SharedDumps.present().forEach(p -> cases.add(new DumpCases(p.getFileName().toString(), p, 1)));
        SharedDumps.present().filter(p -> p.getFileName().toString().contains("hprofagent"))
                .forEach(p -> cases.add(new DumpCases(p.getFileName().toString(), p, 2)));
        return cases.stream().map(Arguments::of);
    }
}
