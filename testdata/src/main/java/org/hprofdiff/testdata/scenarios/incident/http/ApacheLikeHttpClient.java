package org.hprofdiff.testdata.scenarios.incident.http;

import java.util.List;

/** An HTTP client with its own connection pool; closing it is what releases the pool. */
public final class ApacheLikeHttpClient implements AutoCloseable {

    private final PoolingHttpClientConnectionManager connectionManager;

    /** Creates the client with a new connection manager holding {@code socketsPerRoute} per route. */
    public ApacheLikeHttpClient(List<HttpRoute> routes, int socketsPerRoute) {
        this.connectionManager = new PoolingHttpClientConnectionManager(routes, socketsPerRoute);
    }

    /** Sends {@code body} to {@code route}; returns the response length. */
    public int execute(HttpRoute route, byte[] body) {
        return connectionManager.exchange(route, body);
    }

    /** Shuts the connection manager down, which deregisters it from the reaper. */
    @Override
    public void close() {
        connectionManager.shutdown();
    }
}
