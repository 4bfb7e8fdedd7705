package org.hprofdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Release tooling for {@code ./build dist}, not shipped: writes the bash completion script and the man page's
 * AsciiDoc from the same command model the tool runs ({@link Main#commandLine}, with the descriptions and exit
 * codes it sets), so neither can drift from the options. picocli's AutoComplete writes the completion;
 * picocli-codegen's ManPageGenerator writes the page of {@code hprof-diff} itself, and every command's full help
 * follows it in a section of its own, so one page ({@code man hprof-diff}) holds all of them.
 *
 * <p>Usage: {@code ReleaseDocs COMPLETION_FILE MANPAGE_ADOC}
 */
public final class ReleaseDocs {
    private ReleaseDocs() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: ReleaseDocs COMPLETION_FILE MANPAGE_ADOC");
        CommandLine cl = commandLine();
        Files.writeString(Path.of(args[0]), AutoComplete.bash("hprof-diff", cl), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[1]), manPage(cl), StandardCharsets.UTF_8);
    }

    static CommandLine commandLine() {
        Io quiet = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Map.of());
        CommandLine cl = Main.commandLine(quiet, new Errors(quiet));
        cl.setUsageHelpAutoWidth(false); // a fixed width, whatever terminal ran the build
        cl.setUsageHelpWidth(100);
        return cl;
    }

    /** The AsciiDoc of the man page: hprof-diff's own page, then a section per command with its whole help. */
    static String manPage(CommandLine cl) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        StringWriter page = new StringWriter();
        ManPageGenerator.writeSingleManPage(new PrintWriter(page, true), cl.getCommandSpec());
        out.print(synopsisLinesKept(page.toString()));
        out.println();
        out.println("== COMMAND DETAILS");
        out.println();
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) return;
            sub.setUsageHelpWidth(100);
            out.println("=== hprof-diff " + name);
            out.println();
            out.println("....");
            out.print(sub.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing());
            out.println();
            out.println("....");
            out.println();
        });
        out.flush();
        return text.toString();
    }

    /** The custom synopsis is two usage lines; AsciiDoc would run them into one paragraph without hard breaks. */
    private static String synopsisLinesKept(String adoc) {
        int start = adoc.indexOf("== Synopsis\n");
        int end = adoc.indexOf("// end::picocli-generated-man-section-synopsis[]", start);
        if (start < 0 || end < 0) return adoc;
        String[] lines = adoc.substring(start + "== Synopsis\n".length(), end).strip().split("\n");
        StringBuilder synopsis = new StringBuilder("== Synopsis\n\n");
        for (int i = 0; i < lines.length; i++) synopsis.append(lines[i].strip()).append(i < lines.length - 1 ? " +\n" : "\n\n");
        return adoc.substring(0, start) + synopsis + adoc.substring(end);
    }
}
