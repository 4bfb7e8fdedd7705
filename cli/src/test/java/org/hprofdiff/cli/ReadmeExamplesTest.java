package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md shows what its example commands print: they are run (the demo first, then the others on its dumps)
 * and each block must equal their output up to what varies from run to run ({@link ReadmeExamples#mask}). When it
 * does not, scripts/readme-examples.sh writes the new output into README.md.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..");

    @TempDir Path folder;

    @Test
    void everyExampleShowsWhatItsCommandsPrintNow() throws Exception {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        List<ReadmeExamples.Block> blocks = ReadmeExamples.blocks(readme);
        assertTrue(blocks.size() >= 10, "README.md has " + blocks.size() + " example blocks");
        List<List<String>> now = ReadmeExamples.run(ROOT, blocks, folder);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (now.get(i) == null) continue; // a file it needs (../shared) is absent here
            List<String> shown = blocks.get(i).lines().stream().map(ReadmeExamples::mask).toList();
            List<String> printed = now.get(i).stream().map(ReadmeExamples::mask).toList();
            if (shown.equals(printed)) continue;
            int k = 0;
            while (k < Math.min(shown.size(), printed.size()) && shown.get(k).equals(printed.get(k))) k++;
            differences.add("README.md line " + (blocks.get(i).open() + 2 + k) + " (example '" + blocks.get(i).commands().getFirst() + "'): shows '"
                    + (k < shown.size() ? blocks.get(i).lines().get(k) : "(end)") + "', the command prints '"
                    + (k < printed.size() ? now.get(i).get(k) : "(end)") + "'");
        }
        assertEquals(List.of(), differences, () -> String.join("\n", differences) + "\nrun scripts/readme-examples.sh to write the examples anew");
    }

    /** No example escapes the check: every block whose first line is a command of the tool is marked. */
    @Test
    void everyCommandBlockIsAnExample() throws Exception {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        for (int i = 1; i < readme.size(); i++) {
            if (readme.get(i - 1).startsWith("```") && readme.get(i).startsWith("$ ")) {
                assertTrue(i >= 2 && readme.get(i - 2).startsWith("<!-- example"), "README.md line " + (i + 1) + ": a command block without an example marker");
            }
        }
    }
}
