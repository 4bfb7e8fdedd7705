package org.hprofdiff.cli.commands;

import org.hprofdiff.cli.Io;
import picocli.CommandLine.Command;

/** {@code hprof-diff diff A B ...}: the default command under an explicit name (description set by Main). */
@Command(name = "diff", sortOptions = false)
public final class DiffCommand extends GrowthCommand {
    public DiffCommand(Io io) {
        super(io);
    }
}
