package org.hprofdiff.testdata.scenarios.incident.http;

/**
 * An open connection in a pool, standing in for a socket with its receive buffer. Its fields (two
 * references and a long) make its shallow size differ in each heap layout: 32 bytes with
 * compressed oops, 40 without, 24 with compact object headers.
 */
public final class PooledSocket {

    /** Size of every socket's receive buffer: the {@code byte[8192]} rows of a leaking dump. */
    public static final int RECEIVE_BUFFER_BYTES = 8192;

    private final HttpRoute route;
    private final byte[] receiveBuffer = new byte[RECEIVE_BUFFER_BYTES];
    private long lastUsedNanos;

    PooledSocket(HttpRoute route) {
        this.route = route;
        this.lastUsedNanos = System.nanoTime();
    }

    /** Pretends to send {@code request} and to receive a response into the buffer; returns its length. */
    int exchange(byte[] request) {
        int length = Math.min(request.length, receiveBuffer.length);
        System.arraycopy(request, 0, receiveBuffer, 0, length);
        lastUsedNanos = System.nanoTime();
        return length;
    }

    boolean idleLongerThan(long idleNanos, long nowNanos) {
        return nowNanos - lastUsedNanos > idleNanos;
    }

    HttpRoute route() {
        return route;
    }
}
