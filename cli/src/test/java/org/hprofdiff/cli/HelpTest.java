package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Help is complete (every exit code, examples) and the README's exit-code table says the same as the code. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "diff", "report", "histogram", "info", "summary", "demo"})
    void helpListsEveryExitCodeAndExamples(String command) {
        Run.Result r = command.isEmpty() ? Run.main("--help") : Run.main(command, "--help");
        assertEquals(0, r.code(), r::toString);
        for (ExitCode c : ExitCode.values()) {
            assertTrue(r.out().contains("  " + c.code + "   " + c.meaning.substring(0, 20)), () -> c + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("Examples:"), r::toString);
    }

    @Test
    void sharedOptionsHaveTheSameNamesEverywhere() {
        for (String command : new String[] {"diff", "report", "histogram", "info", "summary", "demo"}) {
            String help = Run.main(command, "--help").out();
            for (String option : new String[] {"--quiet", "--verbose", "--no-color", "--progress"}) {
                assertTrue(help.contains(option), command + " lacks " + option);
            }
            // report writes a folder of every format; summary writes one JSON file; the rest write one report in a chosen format
            String output = switch (command) {
                case "report" -> "-o, --output=DIR";
                default -> "-o, --output=FILE";
            };
            assertTrue(help.contains(output), command + " lacks " + output);
            assertTrue(help.contains("--format=FORMAT") == !(command.equals("report") || command.equals("summary")), command + ": --format");
        }
        for (String command : new String[] {"diff", "report"}) {
            String help = Run.main(command, "--help").out();
            for (String option : new String[] {"--baseline=SUMMARY", "--fail-on=SPEC", "--top=N", "--all"}) {
                assertTrue(help.contains(option), command + " lacks " + option);
            }
        }
    }

    @Test
    void versionNamesTheProject() {
        Run.Result r = Run.main("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("hprof-diff 0."), r::toString);
    }

    /**
     * Every command's help formats cleanly: picocli formats descriptions with String.format, so a bare '%' (as in
     * "10%)") makes it print a warning on the process's stderr and show the text unformatted.
     */
    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream caught = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(caught, true));
        try {
            picocli.CommandLine cl = ReleaseDocs.commandLine();
            cl.getUsageMessage();
            cl.getSubcommands().values().forEach(picocli.CommandLine::getUsageMessage);
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", caught.toString());
    }

    /** The README's table is written by hand; this keeps it from drifting from {@link ExitCode}. */
    @Test
    void readmeTableMatchesTheExitCodes() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        for (ExitCode c : ExitCode.values()) {
            Matcher m = Pattern.compile("(?m)^\\| *`?" + c.code + "`? *\\| *`" + c.name() + "` *\\|").matcher(text);
            assertTrue(m.find(), "README.md has no exit-code row for " + c.code + " " + c.name());
        }
    }
}
