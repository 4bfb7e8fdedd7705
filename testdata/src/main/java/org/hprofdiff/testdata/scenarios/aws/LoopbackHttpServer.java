package org.hprofdiff.testdata.scenarios.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on the loopback address, in the child, for the clients of
 * {@link AwsReaperLeak} to call: one daemon thread ({@value #THREAD_NAME}) answers each connection's
 * first GET with a {@value #BODY_BYTES}-byte body and {@code Content-Length}, without
 * {@code Connection: close}, so the client keeps the connection and returns it to its pool; then the
 * server closes its end and forgets it.
 *
 * <p>Why not {@code com.sun.net.httpserver}: it keeps an object graph per open connection (an
 * {@code HttpConnection} with its channel and selection key) and closes connections on its dispatcher
 * thread, asynchronously, with no way to wait for it. In this JVM's dumps that would be a second
 * growing set (the server's half of every leaked connection) and counts that depend on timing. This
 * server keeps nothing per connection, and {@link #awaitServed()} returns only once it is done with one.
 */
final class LoopbackHttpServer implements AutoCloseable {

    static final String THREAD_NAME = "loopback-http-server";
    /** Bytes of each response's body. */
    static final int BODY_BYTES = 1024;
    private static final long SERVE_TIMEOUT_SECONDS = 30;

    private final ServerSocket listening;
    private final Semaphore served = new Semaphore(0);
    private final byte[] response;

    private LoopbackHttpServer(ServerSocket listening) {
        this.listening = listening;
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        response = new byte[headBytes.length + BODY_BYTES];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        Arrays.fill(response, headBytes.length, response.length, (byte) ' ');
    }

    static LoopbackHttpServer start() throws IOException {
        LoopbackHttpServer server = new LoopbackHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread thread = new Thread(server::serveUntilClosed, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    /** {@code http://127.0.0.1:<port>/records}. */
    URI uri() {
        return URI.create("http://" + listening.getInetAddress().getHostAddress() + ":" + listening.getLocalPort() + "/records");
    }

    /** Waits until the server has answered one more connection and closed its end of it. */
    void awaitServed() throws InterruptedException {
        if (!served.tryAcquire(SERVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the loopback server answered no request within " + SERVE_TIMEOUT_SECONDS + " s");
        }
    }

    private void serveUntilClosed() {
        while (!listening.isClosed()) {
            try {
                serveOne(); // a call of its own: no finished connection stays in this frame
            } catch (IOException e) {
                if (listening.isClosed()) {
                    return;
                }
                e.printStackTrace(); // a client that went away: the client side reports its own failure
            }
            served.release();
        }
    }

    private void serveOne() throws IOException {
        try (Socket connection = listening.accept()) {
            readRequestHead(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            out.write(response);
            out.flush();
        }
    }

    /** Reads up to the blank line that ends a request's head (a GET has no body). */
    private static void readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in a request head: " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }
}
