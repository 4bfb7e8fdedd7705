package org.hprofdiff.testdata.scenarios.threadlocal;

/**
 * What a request handler keeps for the thread while it serves a request. It refers back to its
 * {@link RequestScope} (to unbind itself later), which is what makes the leak deterministic: the
 * thread-local map's key is weak, but the value holds the key strongly, so the key is never
 * cleared and the map never expunges the entry.
 */
public final class RequestContext {

    /** Size of each request's response buffer: the {@code byte[6144]} rows of a leaking dump. */
    public static final int RESPONSE_BUFFER_BYTES = 6144;

    private final RequestScope scope;
    private final long requestId;
    private final byte[] responseBuffer = new byte[RESPONSE_BUFFER_BYTES];

    RequestContext(RequestScope scope, long requestId) {
        this.scope = scope;
        this.requestId = requestId;
    }

    long requestId() {
        return requestId;
    }

    RequestScope scope() {
        return scope;
    }

    byte[] responseBuffer() {
        return responseBuffer;
    }
}
