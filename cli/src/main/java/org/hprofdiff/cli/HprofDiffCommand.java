package org.hprofdiff.cli;

import org.hprofdiff.cli.commands.DemoCommand;
import org.hprofdiff.cli.commands.DiffCommand;
import org.hprofdiff.cli.commands.GrowthCommand;
import org.hprofdiff.cli.commands.HistogramCommand;
import org.hprofdiff.cli.commands.InfoCommand;
import org.hprofdiff.cli.commands.ReportCommand;
import org.hprofdiff.cli.commands.SummaryCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code hprof-diff}: compares dumps when given dumps, otherwise dispatches to a command. */
@Command(name = "hprof-diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        header = "Heap-dump analyzer for the JVM: which classes keep growing across periodic dumps.",
        synopsisHeading = "%nUsage: ",
        customSynopsis = {
            "hprof-diff [OPTIONS] DUMP DUMP [DUMP...]   compare dumps (as 'hprof-diff diff')",
            "       hprof-diff COMMAND [OPTIONS] ARGS...        see 'hprof-diff COMMAND -h'"
        },
        commandListHeading = "%nCommands:%n",
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions (comparing dumps):%n",
        subcommands = {DiffCommand.class, ReportCommand.class, HistogramCommand.class, InfoCommand.class, SummaryCommand.class,
            DemoCommand.class, HelpCommand.class})
public final class HprofDiffCommand extends GrowthCommand {
    public HprofDiffCommand(Io io) {
        super(io);
    }
}
