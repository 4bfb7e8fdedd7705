package org.hprofdiff.testdata.scenarios.incident.http;

import java.util.ArrayList;
import java.util.List;

/** The open connections of one route, pre-opened to the pool's minimum so the first requests are fast. */
public final class RouteSpecificPool {

    private final HttpRoute route;
    private final List<PooledSocket> available;

    RouteSpecificPool(HttpRoute route, int minIdleSockets) {
        this.route = route;
        this.available = new ArrayList<>(minIdleSockets);
        for (int i = 0; i < minIdleSockets; i++) {
            available.add(new PooledSocket(route));
        }
    }

    /** Sends on one of the pool's sockets; the socket stays in the pool. */
    int exchange(byte[] request) {
        if (available.isEmpty()) {
            throw new IllegalStateException("no open connection to " + route);
        }
        return available.get(0).exchange(request);
    }

    void closeIdle(long idleNanos, long nowNanos) {
        available.removeIf(socket -> socket.idleLongerThan(idleNanos, nowNanos));
    }

    void closeAll() {
        available.clear();
    }
}
