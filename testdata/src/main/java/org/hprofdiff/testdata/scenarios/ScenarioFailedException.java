package org.hprofdiff.testdata.scenarios;

/** A scenario's child JVM failed, timed out or left no manifest; the message carries its stderr. */
public final class ScenarioFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScenarioFailedException(String message) {
        super(message);
    }

    public ScenarioFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
