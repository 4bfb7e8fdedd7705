package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines that cannot run: exit code 2, the reason in one line, where help is; no work done. */
class UsageTest {
    @TempDir Path dir;

    @Test
    void noArguments() {
        Run.Result r = Run.main();
        assertUsage(r, "hprof-diff: expected two or more dumps to compare, or a command (diff, report, histogram, info, summary, demo, index, dominators, paths, suspects)");
    }

    @Test
    void oneDumpIsNotADiff() {
        Run.Result r = Run.main("diff", "a.hprof");
        assertUsage(r, "hprof-diff: expected two or more dumps to compare, got one; for one dump use 'hprof-diff histogram a.hprof', "
                + "or compare it with a saved summary: --baseline SUMMARY");
    }

    @Test
    void unknownOptionSuggestsTheNearOne() {
        Run.Result r = Run.main("histogram", "--fitler", "a.hprof");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("hprof-diff: Unknown option: '--fitler'"), r::toString);
        assertTrue(r.err().contains("--filter"), r::toString);
    }

    @Test
    void formatNotOfferedByTheCommand() {
        assertUsage(Run.main("info", "--format", "csv", "a.hprof"),
                "hprof-diff: --format csv is not available for 'info'; expected one of text, json, md, html");
    }

    @Test
    void unknownFormat() {
        Run.Result r = Run.main("histogram", "--format", "xml", "a.hprof");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("hprof-diff: --format xml: expected one of text, csv, json, md, html"), r::toString);
    }

    @Test
    void badNumbersAndChoices() {
        assertUsage(Run.main("histogram", "--top", "0", "a.hprof"), "hprof-diff: --top 0: expected a whole number of rows, 1 or more (or --all for every row)");
        assertUsage(Run.main("histogram", "--dump", "0", "a.hprof"), "hprof-diff: --dump 0: expected a heap dump's number: 1 for the first, 2 for the second, ...");
        assertUsage(Run.main("histogram", "--ref-bytes", "6", "a.hprof"), "hprof-diff: --ref-bytes 6: reference bytes 6; expected 4 or 8");
        assertUsage(Run.main("info", "--align", "12", "a.hprof"), "hprof-diff: --align 12: object alignment 12; expected a power of two from 8 to 256");
        assertUsage(Run.main("histogram", "--sort", "size", "a.hprof"), "hprof-diff: --sort size: expected one of shallow, count, retained");
        assertUsage(Run.main("histogram", "--group-by", "module", "a.hprof"), "hprof-diff: --group-by module: expected one of class, package, loader");
    }

    @Test
    void badRegex() throws IOException {
        Path dump = Files.createFile(dir.resolve("x.hprof"));
        assertUsage(Run.main("histogram", "--filter", "Node[", dump.toString()),
                "hprof-diff: --filter 'Node[': not a regular expression: Unclosed character class near index 4");
    }

    @Test
    void badFailOnSpec() {
        Run.Result r = Run.main("--fail-on", "bytes:+5XB", "a.hprof", "b.hprof");
        assertUsage(r, "hprof-diff: --fail-on bytes:+5XB: unknown size unit \"XB\"; expected B, KB, MB, GB or TB");
    }

    @Test
    void arraysByLengthNeedClassRows() throws IOException {
        Path dump = Files.createFile(dir.resolve("x.hprof"));
        assertUsage(Run.main("histogram", "--arrays-by-length", "--group-by", "package", dump.toString()),
                "hprof-diff: --arrays-by-length needs --group-by class");
    }

    @Test
    void outputOverAnInputIsRefused() throws IOException {
        Path dump = Files.writeString(dir.resolve("app.hprof"), "JAVA PROFILE 1.0.2\0");
        byte[] before = Files.readAllBytes(dump);
        Run.Result r = Run.main("histogram", "-o", dump.toString(), dump.toString());
        assertUsage(r, "hprof-diff: " + dump + ": --output names an input; refusing to overwrite it");
        assertEquals(new String(before), new String(Files.readAllBytes(dump)));
    }

    /** Exit 2, the given line first, then only the pointer to help. */
    private static void assertUsage(Run.Result r, String firstLine) {
        assertEquals(2, r.code(), r::toString);
        List<String> lines = r.errLines();
        assertEquals(firstLine, lines.getFirst(), r::toString);
        assertTrue(lines.getLast().matches("Try 'hprof-diff( \\w+)? --help' for usage\\."), r::toString);
        assertEquals("", r.out(), r::toString);
    }
}
