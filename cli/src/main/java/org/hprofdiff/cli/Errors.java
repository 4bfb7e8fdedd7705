package org.hprofdiff.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.index.store.IndexPlaceException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns whatever stopped a run into one line on stderr and an {@link ExitCode}. The stack trace is
 * printed only with {@code --verbose}: users act on the line, developers ask for the trace.
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String PREFIX = "hprof-diff: ";
    private final Io io;

    Errors(Io io) {
        this.io = io;
    }

    /** A bad command line: the reason, a suggestion for a mistyped option, where help is. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        io.err().println(PREFIX + reason(ex));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, io.err());
        helpPointer(cmd);
        return ExitCode.USAGE.code;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        int code = report(ex, verbose(parseResult));
        if (code == ExitCode.USAGE.code) helpPointer(cmd);
        return code;
    }

    /**
     * The line for a bad command line. A value the option's converter refused ({@code OptionValues}, an enum, a
     * format) always reads {@code OPTION VALUE: what was expected}, whatever picocli's own wording.
     */
    static String reason(ParameterException ex) {
        if (ex.getCause() instanceof TypeConversionException refused && ex.getArgSpec() instanceof OptionSpec option && ex.getValue() != null) {
            String expected = option.type().isEnum() ? "expected one of " + choices(option.type()) : refused.getMessage();
            return option.longestName() + " " + quoted(ex.getValue()) + ": " + expected;
        }
        return ex.getMessage();
    }

    private static String choices(Class<?> enumType) {
        return String.join(", ", Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList());
    }

    /** A value as typed, in single quotes when it is empty or holds more than letters, digits and {@code +-._/:%}. */
    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9+\\-._/:%]+") ? value : "'" + value + "'";
    }

    private void helpPointer(CommandLine cmd) {
        io.err().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        io.err().flush();
    }

    /** Prints the line for {@code t} (and its trace when verbose) and returns the exit code. */
    int report(Throwable t, boolean verbose) {
        Throwable cause = unwrap(t);
        Outcome outcome = classify(cause);
        io.err().println(PREFIX + outcome.message());
        if (verbose) cause.printStackTrace(io.err());
        else if (outcome.code() == ExitCode.INTERNAL) io.err().println(PREFIX + "run again with --verbose for the stack trace, and please report it");
        io.err().flush();
        return outcome.code().code;
    }

    private record Outcome(ExitCode code, String message) {}

    private static Outcome classify(Throwable t) {
        return switch (t) {
            case Failure f -> new Outcome(f.exitCode(), f.getMessage());
            case DumpFormatException d -> new Outcome(ExitCode.BAD_INPUT, d.getMessage());
            // the dump was only read; where the index goes is the machine's problem, not the input's
            case IndexPlaceException e -> new Outcome(ExitCode.ENVIRONMENT, e.getMessage().contains("--index-dir") ? e.getMessage()
                    : "cannot write the index: " + e.getMessage() + "; free some space there or give another place with --index-dir DIR");
            case IOException e when outOfRoom(e) -> new Outcome(ExitCode.ENVIRONMENT, "cannot write: " + e.getMessage());
            case NoSuchFileException e -> new Outcome(ExitCode.BAD_INPUT, e.getFile() + ": no such file");
            case AccessDeniedException e -> new Outcome(ExitCode.BAD_INPUT, e.getFile() + ": permission denied (not readable)");
            case FileSystemException e -> new Outcome(ExitCode.BAD_INPUT, e.getFile() + ": " + e.getReason());
            case IOException e -> new Outcome(ExitCode.BAD_INPUT, "read error: " + e.getMessage());
            case OutOfMemoryError e -> new Outcome(ExitCode.ENVIRONMENT,
                    "out of memory (" + e.getMessage() + "); give the JVM more heap, e.g. JAVA_OPTS=-Xmx4g");
            default -> new Outcome(ExitCode.INTERNAL, "internal error: " + t);
        };
    }

    /** A write refused for want of room (disk, quota, file-size limit), as the OS words it, anywhere in the causes. */
    private static boolean outOfRoom(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded") || m.contains("File too large")) return true;
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof UncheckedIOException || cur instanceof CommandLine.ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }
}
