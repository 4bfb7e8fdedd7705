package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option that takes a value, of every command, found in picocli's model (so an option added without a row
 * here fails this test): each bad value is a usage error, exit 2, with one line that names the option and the value
 * and says what was expected, then the pointer to help; each good value parses.
 */
class OptionValuesTest {

    /** @param good values that must parse; @param bad values that must be refused (none only for a path: it is checked when used) */
    record Row(List<String> good, List<String> bad) {
        static Row of(List<String> good, List<String> bad) { return new Row(good, bad); }
    }

    /** By the option's longest name. */
    static final Map<String, Row> TABLE = new LinkedHashMap<>();
    static {
        TABLE.put("--top", Row.of(List.of("1", "25"), List.of("0", "-1", "x", "1.5", "", "99999999999")));
        TABLE.put("--dump", Row.of(List.of("1", "2"), List.of("0", "-1", "first", "", "2147483648")));
        TABLE.put("--depth", Row.of(List.of("0", "3"), List.of("-1", "deep", "")));
        TABLE.put("--children", Row.of(List.of("1", "5"), List.of("0", "-2", "x")));
        TABLE.put("--threshold", Row.of(List.of("10", "0.5", "99.9"), List.of("0", "100", "-5", "abc", "NaN", "Infinity", "")));
        TABLE.put("--header-bytes", Row.of(List.of("8", "12", "16"), List.of("10", "0", "x")));
        TABLE.put("--ref-bytes", Row.of(List.of("4", "8"), List.of("6", "-4", "x")));
        TABLE.put("--align", Row.of(List.of("8", "16", "256"), List.of("4", "12", "512", "x")));
        TABLE.put("--format", Row.of(List.of("text", "json", "JSON"), List.of("xml", "")));
        TABLE.put("--sort", Row.of(List.of("shallow", "count", "Retained"), List.of("size", "")));
        TABLE.put("--group-by", Row.of(List.of("class", "package", "loader"), List.of("module", "")));
        TABLE.put("--by", Row.of(List.of("object", "class", "package"), List.of("loader", "")));
        TABLE.put("--filter", Row.of(List.of("Node\\[", "java\\.util\\."), List.of("Node[", "*", "(a")));
        TABLE.put("--class", Row.of(List.of("Foo$", "byte\\[\\]"), List.of("(", "[a-", "+")));
        TABLE.put("--fail-on", Row.of(List.of("count:+10", "bytes:+50MB,rate:+1MB/h", "class:a,b"),
                List.of("bytes:+5XB", "count:x", "size:+1", "class:", "count:+1,,bytes:+1MB", "class:(")));
        // paths: what is wrong with one (missing, unwritable, not a folder) shows when it is used, with its own exit code
        TABLE.put("--index-dir", Row.of(List.of("idx"), List.of()));
        TABLE.put("--baseline", Row.of(List.of("day1.summary.json"), List.of()));
        TABLE.put("--output", Row.of(List.of("out.txt"), List.of()));
        TABLE.put("--keep", Row.of(List.of("demo-dumps"), List.of()));
    }

    @Test
    void everyValueOfEveryOptionIsCheckedAsItIsParsed() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, CommandLine> command : commands().entrySet()) {
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (option.arity().max() == 0 || option.usageHelp() || option.versionHelp()) continue;
                Row row = TABLE.get(option.longestName());
                if (row == null) {
                    failures.add(command.getKey() + " " + option.longestName() + ": no row in OptionValuesTest.TABLE (add its good and bad values)");
                    continue;
                }
                if (row.bad().isEmpty() && option.type() != Path.class) {
                    failures.add(command.getKey() + " " + option.longestName() + ": a " + option.type().getSimpleName() + " option needs bad values");
                }
                for (String bad : row.bad()) {
                    checked++;
                    String problem = refusal(command.getKey(), option.longestName(), bad);
                    if (problem != null) failures.add(problem);
                }
                for (String good : row.good()) {
                    checked++;
                    String problem = parses(command.getKey(), option.longestName(), good);
                    if (problem != null) failures.add(problem);
                }
            }
        }
        assertEquals(List.of(), failures, () -> String.join("\n", failures));
        assertTrue(checked > 150, "only " + checked + " values checked: are the commands found?");
    }

    /** Null when the bad value gives exit 2, one line naming option and value with what was expected, and the help pointer. */
    private static String refusal(String command, String option, String bad) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command));
        args.addAll(List.of(option, bad, "a.hprof", "b.hprof"));
        Run.Result r = Run.main(args.toArray(String[]::new));
        String shown = bad.matches("[A-Za-z0-9+\\-._/:%]+") ? bad : "'" + bad + "'";
        String expectedStart = "hprof-diff: " + option + " " + shown + ": ";
        List<String> lines = r.errLines();
        boolean ok = r.code() == 2 && lines.size() == 2 && lines.getFirst().startsWith(expectedStart)
                && lines.getFirst().length() > expectedStart.length() + 8
                && lines.get(1).matches("Try 'hprof-diff( \\w+)? --help' for usage\\.") && r.out().isEmpty();
        return ok ? null : "hprof-diff " + String.join(" ", args) + ": expected exit 2 and '" + expectedStart + "...', got " + r;
    }

    /** Null when the value parses (the command is not run). */
    private static String parses(String command, String option, String good) {
        CommandLine cl = Main.commandLine(new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Map.of()),
                new Errors(new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Map.of())));
        CommandLine target = command.isEmpty() ? cl : cl.getSubcommands().get(command);
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command));
        args.addAll(List.of(option, good));
        if (target.getCommandSpec().findOption("--class") != null && !option.equals("--class")) args.addAll(List.of("--class", "x"));
        if (command.equals("report") && !option.equals("--output")) args.addAll(List.of("-o", "out"));
        if (target.getCommandSpec().positionalParameters().stream().anyMatch(p -> p.arity().min() > 0 || p.arity().max() > 1)) args.add("a.hprof");
        try {
            cl.parseArgs(args.toArray(String[]::new)); // from the top, as picocli parses a subcommand
            return null;
        } catch (CommandLine.ParameterException e) {
            return "hprof-diff " + String.join(" ", args) + ": should parse, but: " + e.getMessage();
        }
    }

    /** The top-level command (as "") and every subcommand but help, by name. */
    private static Map<String, CommandLine> commands() {
        Io quiet = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Map.of());
        CommandLine cl = Main.commandLine(quiet, new Errors(quiet));
        Map<String, CommandLine> all = new LinkedHashMap<>();
        all.put("", cl);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!(sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand)) all.put(name, sub);
        });
        return all;
    }
}
