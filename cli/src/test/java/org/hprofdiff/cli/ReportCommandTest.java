package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hprofdiff.core.summary.diff.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report DUMPS -o DIR}: every format of one comparison, under fixed names, with the diff's exit codes. */
class ReportCommandTest {
    private static final String MANAGER = "org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager";
    private static final List<String> FILES = List.of("report.txt", "report.json", "report.csv", "report.md", "report.html");

    @TempDir Path dir;

    private static String[] args(List<String> options, List<Path> dumps) {
        List<String> all = new ArrayList<>(options);
        dumps.forEach(p -> all.add(p.toString()));
        return all.toArray(String[]::new);
    }

    private static List<Path> dumps() {
        return ReaperDumps.get().dumps();
    }

    @Test
    void writesEveryFormatUnderFixedNamesAndListsThem() throws IOException {
        Path out = dir.resolve("reports/nightly");
        Run.Result r = Run.main(args(List.of("report", "-o", out.toString()), dumps()));
        assertEquals(0, r.code(), r::toString);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(FILES.stream().sorted().toList(), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> lines = r.out().lines().toList();
        for (int i = 0; i < FILES.size(); i++) {
            Path file = out.resolve(FILES.get(i));
            String format = FILES.get(i).equals("report.txt") ? "text" : FILES.get(i).substring("report.".length());
            assertEquals("wrote " + file + " (" + format + ", " + Units.count(Files.size(file)) + " bytes)", lines.get(i));
        }
        assertTrue(lines.get(FILES.size()).startsWith("Leak suspected: "), r::toString);
        assertEquals(FILES.size() + 1, lines.size(), r::toString);
        assertEquals("", r.err(), "nothing on stderr without a terminal");

        // Each file is what the diff writes in that format: one comparison, five renderings.
        for (String format : List.of("text", "json", "csv", "md", "html")) {
            String file = "report." + (format.equals("text") ? "txt" : format);
            String diff = Run.main(args(List.of("--format", format), dumps())).out();
            assertEquals(diff, Files.readString(out.resolve(file)), file);
        }
        // ... and holds the scenario's numbers.
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<Long> counts = new ArrayList<>();
        for (JsonNode row : json.get("steadyGrowers")) {
            if (row.get("name").asText().equals(MANAGER)) row.get("samples").forEach(s -> counts.add(s.get("instances").asLong()));
        }
        assertEquals(ReaperDumps.get().expected(MANAGER).orElseThrow().byRound(), counts);
        assertTrue(Files.readString(out.resolve("report.html")).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void twoDumpsAndOptionsAsForTheDiff() throws IOException {
        Path out = dir.resolve("two");
        Run.Result r = Run.main(args(List.of("report", "--top", "2", "-o", out.toString()), List.of(dumps().get(0), dumps().get(2))));
        assertEquals(0, r.code(), r::toString);
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(2, json.at("/series/dumps").size());
        assertEquals(2, json.get("steadyGrowers").size());
        assertTrue(Files.readString(out.resolve("report.txt")).contains("Grew between the two dumps"));
    }

    @Test
    void aBreachExitsOneAndSaysWhichOnStdout() throws IOException {
        Path out = dir.resolve("ci");
        Run.Result r = Run.main(args(List.of("report", "-o", out.toString(), "--fail-on", "class:PoolingHttpClientConnectionManager$"), dumps()));
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("\nFAIL: 1 threshold breach (exit code 1):\n  class:PoolingHttpClientConnectionManager$: "), r::toString);
        assertTrue(Files.readString(out.resolve("report.md")).contains("FAIL: 1 threshold breach (exit code 1):"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(1, json.at("/checks/breaches").size());

        Run.Result clean = Run.main(args(List.of("report", "-o", out.toString(), "--fail-on", "count:+1000000"), dumps()));
        assertEquals(0, clean.code(), clean::toString);
        assertTrue(clean.out().strip().endsWith("OK: no --fail-on threshold breached (count:+1000000)"), clean::toString);
    }

    @Test
    void aPartialDumpExitsFiveWithTheWarningOnStderr() throws IOException {
        Path cut = ReaperDumps.truncated(2, 3, 4, dir);
        Path out = dir.resolve("partial");
        Run.Result r = Run.main(args(List.of("report", "-o", out.toString()), List.of(dumps().get(0), cut)));
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().startsWith("hprof-diff: warning: "), r::toString);
        assertTrue(Files.readString(out.resolve("report.txt")).contains("PARTIAL"));
    }

    @Test
    void usageErrorsCostNothing() throws IOException {
        Run.Result noDir = Run.main(args(List.of("report"), dumps()));
        assertEquals(2, noDir.code(), noDir::toString);
        assertTrue(noDir.err().startsWith("hprof-diff: Missing required option: '--output=DIR'"), noDir::toString);

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run.Result notAFolder = Run.main(args(List.of("report", "-o", file.toString()), dumps()));
        assertEquals(2, notAFolder.code(), notAFolder::toString);
        assertEquals("hprof-diff: " + file + ": not a folder; -o names the folder the reports go to", notAFolder.errLines().getFirst());

        Run.Result oneDump = Run.main("report", "-o", dir.toString(), dumps().get(0).toString());
        assertEquals(2, oneDump.code(), oneDump::toString);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "nothing written on a usage error");
        }
    }
}
