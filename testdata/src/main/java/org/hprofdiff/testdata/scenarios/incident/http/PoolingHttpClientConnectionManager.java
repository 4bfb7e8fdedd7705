package org.hprofdiff.testdata.scenarios.incident.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection pool per HTTP client, named like Apache HttpClient's. It registers itself with
 * {@link IdleConnectionReaper#INSTANCE} when created and deregisters only in {@link #shutdown()}:
 * a manager whose client is never closed stays reachable from that static for the life of the JVM,
 * with its pool map, route pools and sockets.
 */
public final class PoolingHttpClientConnectionManager {

    /**
     * The pool map is pre-sized for the configured maximum of connections. HashMap rounds 12 288 up
     * to a table of 16 384 buckets, so every manager owns a {@code HashMap$Node[16384]} (64 KiB with
     * compressed oops, 128 KiB without) even with two routes: this is what makes each leaked manager
     * expensive, and what a length-bucketed histogram shows as its own row.
     */
    public static final int MAX_TOTAL_CONNECTIONS = 12_288;
    /** The table length HashMap gives a map created with {@link #MAX_TOTAL_CONNECTIONS}. */
    public static final int POOL_TABLE_LENGTH = 16_384;

    private final Map<HttpRoute, RouteSpecificPool> routeToPool = new HashMap<>(MAX_TOTAL_CONNECTIONS);
    private volatile boolean shutdown;

    /** Opens {@code socketsPerRoute} connections to each route and registers with the reaper. */
    public PoolingHttpClientConnectionManager(List<HttpRoute> routes, int socketsPerRoute) {
        for (HttpRoute route : routes) {
            routeToPool.put(route, new RouteSpecificPool(route, socketsPerRoute));
        }
        IdleConnectionReaper.INSTANCE.register(this);
    }

    /** Sends {@code request} on a pooled connection to {@code route}; returns the response length. */
    public int exchange(HttpRoute route, byte[] request) {
        if (shutdown) {
            throw new IllegalStateException("connection manager shut down");
        }
        RouteSpecificPool pool = routeToPool.get(route);
        if (pool == null) {
            throw new IllegalArgumentException("no pool for " + route);
        }
        return pool.exchange(request);
    }

    /** Closes all connections and deregisters from the reaper; what the leaking code never calls. */
    public void shutdown() {
        if (!shutdown) {
            shutdown = true;
            IdleConnectionReaper.INSTANCE.deregister(this);
            routeToPool.values().forEach(RouteSpecificPool::closeAll);
            routeToPool.clear();
        }
    }

    void closeIdleConnections(long idleNanos, long nowNanos) {
        routeToPool.values().forEach(pool -> pool.closeIdle(idleNanos, nowNanos));
    }
}
