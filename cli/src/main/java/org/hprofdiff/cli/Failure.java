package org.hprofdiff.cli;

/**
 * A run that cannot go on, for a reason the user can act on: the message is the one line printed
 * (no stack trace unless {@code --verbose}), the code is the process's exit code.
 */
public final class Failure extends RuntimeException {
    private final ExitCode exitCode;

    public Failure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public Failure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
