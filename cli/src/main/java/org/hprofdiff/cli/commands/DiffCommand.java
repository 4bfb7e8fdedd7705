package org.hprofdiff.cli.commands;

import org.hprofdiff.cli.Io;
import picocli.CommandLine.Command;

/** {@code hprof-diff diff A B ...}: the default command under an explicit name (description set by Main). */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false, header = "Compare dumps: which classes keep growing (also the default command).",
        optionListHeading = "%nOptions:%n")
public final class DiffCommand extends GrowthCommand {
    public DiffCommand(Io io) {
        super(io);
    }
}
