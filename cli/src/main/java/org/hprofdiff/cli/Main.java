package org.hprofdiff.cli;

import java.lang.reflect.Constructor;
import org.hprofdiff.cli.commands.GrowthCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of {@code hprof-diff}. {@link #run} is what tests call, in-process, with their own streams. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** Runs one command line and returns its exit code; nothing is printed except through {@code io}. */
    public static int run(Io io, String... args) {
        Errors errors = new Errors(io);
        try {
            return commandLine(io, errors).execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands only Exceptions to the handler; these are the errors a user can do something about.
            return errors.report(e, false);
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    static CommandLine commandLine(Io io, Errors errors) {
        CommandLine cl = new CommandLine(HprofDiffCommand.class, new Factory(io));
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setUsageHelpAutoWidth(true);
        describeGrowth(cl.getCommandSpec());
        describeGrowth(cl.getSubcommands().get("diff").getCommandSpec());
        applyToAll(cl);
        return cl;
    }

    private static void describeGrowth(CommandSpec spec) {
        spec.usageMessage().descriptionHeading("%n").description(GrowthCommand.DESCRIPTION)
                .footerHeading("%nExamples:%n").footer(GrowthCommand.EXAMPLES);
    }

    /** Exit codes in every command's help, from the one table in {@link ExitCode}. */
    private static void applyToAll(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpTable());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) continue;
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpTable());
        }
    }

    /** Creates commands with the run's {@link Io}; everything else (mixins, converters) the usual way. */
    private record Factory(Io io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Io.class) return cls.cast(c.newInstance(io));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
