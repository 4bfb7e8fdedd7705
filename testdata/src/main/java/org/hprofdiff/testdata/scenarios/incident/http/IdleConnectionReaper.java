package org.hprofdiff.testdata.scenarios.incident.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The JVM-wide registry of connection managers whose idle connections a daemon thread closes,
 * modelled on the AWS SDK's {@code IdleConnectionReaper}. It is the GC root of the incident's
 * leak: {@code static IdleConnectionReaper.INSTANCE → connectionManagers (ConcurrentHashMap) →
 * table → ConcurrentHashMap$Node → key PoolingHttpClientConnectionManager}. The thread
 * {@value #THREAD_NAME} holds the registry in a local variable as well, as the real one does.
 */
public final class IdleConnectionReaper {

    /** Name of the daemon thread that sweeps the registered managers. */
    public static final String THREAD_NAME = "idle-connection-reaper";
    /**
     * How long the thread sleeps between sweeps. Longer than any scenario run, so no sweep ever
     * changes what the histograms and dumps contain.
     */
    static final long SWEEP_PERIOD_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** Idle time after which a sweep closes a connection; also the value stored per manager. */
    static final long MAX_IDLE_MILLIS = 60_000;

    public static final IdleConnectionReaper INSTANCE = new IdleConnectionReaper();

    /** Manager → its max idle time in ms (a new {@code Long} per entry, as in the SDK). */
    private final Map<PoolingHttpClientConnectionManager, Long> connectionManagers = new ConcurrentHashMap<>();

    private IdleConnectionReaper() {
        Thread sweeper = new Thread(IdleConnectionReaper::sweepForever, THREAD_NAME);
        sweeper.setDaemon(true);
        sweeper.start();
    }

    void register(PoolingHttpClientConnectionManager manager) {
        connectionManagers.put(manager, Long.valueOf(MAX_IDLE_MILLIS));
    }

    void deregister(PoolingHttpClientConnectionManager manager) {
        connectionManagers.remove(manager);
    }

    /** Managers registered and not yet shut down. */
    public int registeredManagers() {
        return connectionManagers.size();
    }

    private static void sweepForever() {
        IdleConnectionReaper reaper = INSTANCE; // waits for class initialisation to finish
        while (true) {
            try {
                Thread.sleep(SWEEP_PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            reaper.sweep();
        }
    }

    private void sweep() {
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(MAX_IDLE_MILLIS);
        long now = System.nanoTime();
        connectionManagers.keySet().forEach(manager -> manager.closeIdleConnections(idleNanos, now));
    }
}
