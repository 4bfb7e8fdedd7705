package org.hprofdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run's text goes and what kind of terminal it talks to. Results go to {@link #out} (or to
 * {@code --output}); progress, warnings and errors to {@link #err}. Tests build one over string
 * writers, so no command touches {@code System.out} itself.
 *
 * @param interactive  a person is at a terminal (stdin and stdout are a TTY): colour is allowed, otherwise the run
 *                     is plain, as CI needs
 * @param errTerminal  stderr is a terminal too: progress is drawn there (redrawn in place) only then
 * @param environment  environment variables (for {@code NO_COLOR})
 */
public record Io(PrintWriter out, PrintWriter err, boolean interactive, boolean errTerminal, Map<String, String> environment) {

    /** A run whose stderr is a terminal exactly when it is interactive (tests). */
    public Io(PrintWriter out, PrintWriter err, boolean interactive, Map<String, String> environment) {
        this(out, err, interactive, interactive, environment);
    }

    /** The process's own streams and terminal. */
    public static Io system() {
        java.io.Console console = System.console();
        boolean tty = console != null && console.isTerminal();
        return new Io(new PrintWriter(System.out, true), new PrintWriter(System.err, true), tty, tty && stderrIsTerminal(), System.getenv());
    }

    /**
     * Whether file descriptor 2 is a terminal, as Linux's /proc says (a TTY device); where that cannot be told,
     * it is taken to be one when stdin and stdout are.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    /** Whether colour may be used on a TTY: https://no-color.org asks tools to honour NO_COLOR. */
    public boolean colourAllowed() {
        String noColor = environment.get("NO_COLOR");
        return interactive && (noColor == null || noColor.isEmpty());
    }
}
