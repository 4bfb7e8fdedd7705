package org.hprofdiff.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Where a run's text goes and what kind of terminal it talks to. Results go to {@link #out} (or to
 * {@code --output}); progress, warnings and errors to {@link #err}. Tests build one over string
 * writers, so no command touches {@code System.out} itself.
 *
 * @param interactive a person is at a terminal (stdin and stdout are a TTY): progress and colour are
 *                    allowed, otherwise the run is quiet and plain, as CI needs
 * @param environment environment variables (for {@code NO_COLOR})
 */
public record Io(PrintWriter out, PrintWriter err, boolean interactive, Map<String, String> environment) {

    /** The process's own streams and terminal. */
    public static Io system() {
        java.io.Console console = System.console();
        boolean tty = console != null && console.isTerminal();
        return new Io(new PrintWriter(System.out, true), new PrintWriter(System.err, true), tty, System.getenv());
    }

    /** Whether colour may be used on a TTY: https://no-color.org asks tools to honour NO_COLOR. */
    public boolean colourAllowed() {
        String noColor = environment.get("NO_COLOR");
        return interactive && (noColor == null || noColor.isEmpty());
    }
}
