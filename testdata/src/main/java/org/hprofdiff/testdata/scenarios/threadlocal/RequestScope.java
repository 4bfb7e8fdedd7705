package org.hprofdiff.testdata.scenarios.threadlocal;

/**
 * A per-request thread-local, created for every request and never removed: each one adds an entry
 * to the pool thread's {@code ThreadLocalMap} that lives as long as the thread.
 */
public final class RequestScope extends ThreadLocal<RequestContext> {
}
