package org.hprofdiff.testdata.scenarios.incident;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.Workload;
import org.hprofdiff.testdata.scenarios.incident.http.ApacheLikeHttpClient;
import org.hprofdiff.testdata.scenarios.incident.http.HttpRoute;
import org.hprofdiff.testdata.scenarios.incident.http.IdleConnectionReaper;
import org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager;
import org.hprofdiff.testdata.scenarios.incident.http.PooledSocket;
import org.hprofdiff.testdata.scenarios.incident.http.RouteSpecificPool;

/**
 * The incident: each round a streaming job opens {@code writersPerRound} {@link PartitionWriter}s,
 * writes a small batch through each and closes them, leaking one connection pool per writer (see
 * {@link PartitionWriter#close()}). Per leaked writer the heap keeps:
 * <ul>
 *   <li>1 {@link PoolingHttpClientConnectionManager}, its {@code HashMap} and
 *       {@code HashMap$Node[16384]}, and 1 {@code ConcurrentHashMap$Node} + 1 {@code Long} in the
 *       reaper's registry;</li>
 *   <li>{@value #ROUTES_PER_MANAGER} {@code HttpRoute}s, {@code RouteSpecificPool}s (each with an
 *       {@code ArrayList}) and {@code HashMap$Node}s;</li>
 *   <li>{@value #SOCKETS_PER_MANAGER} {@link PooledSocket}s, each with a {@code byte[8192]}.</li>
 * </ul>
 * The writers, stream clients and HTTP clients themselves become garbage: a diff that reports them
 * is wrong.
 */
public final class ConnectionReaperLeak implements Workload {

    /** Writers opened and leaked per round unless the run says otherwise. */
    public static final int DEFAULT_WRITERS_PER_ROUND = 20;
    /** Routes, so route pools, per leaked connection manager. */
    public static final int ROUTES_PER_MANAGER = 2;
    /** Sockets per leaked connection manager. */
    public static final int SOCKETS_PER_MANAGER = ROUTES_PER_MANAGER * PartitionWriter.SOCKETS_PER_ROUTE;
    /** Records each writer sends before it is closed. */
    private static final int RECORDS_PER_WRITER = 4;
    private static final String STREAM = "clickstream-enriched";

    private final int writersPerRound;

    public ConnectionReaperLeak(int writersPerRound) {
        if (KinesisLikeClient.ENDPOINT_HOSTS.size() != ROUTES_PER_MANAGER) {
            throw new AssertionError("ROUTES_PER_MANAGER must match the endpoint's hosts");
        }
        this.writersPerRound = writersPerRound;
    }

    @Override
    public void runRound(int round) {
        for (int partition = 0; partition < writersPerRound; partition++) {
            try (PartitionWriter writer = new PartitionWriter(STREAM)) {
                writer.write(batch(round, partition));
            }
        }
    }

    private static List<byte[]> batch(int round, int partition) {
        byte[][] records = new byte[RECORDS_PER_WRITER][];
        for (int i = 0; i < records.length; i++) {
            records[i] = ("{\"round\":" + round + ",\"partition\":" + partition + ",\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        }
        return List.of(records);
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds) {
        long n = writersPerRound;
        return List.of(
                ExpectedCount.exact(PoolingHttpClientConnectionManager.class, true, rounds, r -> n * r),
                ExpectedCount.exact(HttpRoute.class, true, rounds, r -> ROUTES_PER_MANAGER * n * r),
                ExpectedCount.exact(RouteSpecificPool.class, true, rounds, r -> ROUTES_PER_MANAGER * n * r),
                ExpectedCount.exact(PooledSocket.class, true, rounds, r -> SOCKETS_PER_MANAGER * n * r),
                ExpectedCount.added("[Ljava.util.HashMap$Node;", PoolingHttpClientConnectionManager.POOL_TABLE_LENGTH,
                        true, rounds, r -> n * r),
                ExpectedCount.added("[B", PooledSocket.RECEIVE_BUFFER_BYTES, true, rounds,
                        r -> SOCKETS_PER_MANAGER * n * r),
                ExpectedCount.added("java.util.HashMap", ExpectedCount.ANY_LENGTH, true, rounds, r -> n * r),
                ExpectedCount.added("java.util.HashMap$Node", ExpectedCount.ANY_LENGTH, true, rounds,
                        r -> ROUTES_PER_MANAGER * n * r),
                ExpectedCount.added("java.util.concurrent.ConcurrentHashMap$Node", ExpectedCount.ANY_LENGTH, true,
                        rounds, r -> n * r),
                ExpectedCount.exact(IdleConnectionReaper.class, false, rounds, r -> 1),
                ExpectedCount.exact(PartitionWriter.class, false, rounds, r -> 0),
                ExpectedCount.exact(KinesisLikeClient.class, false, rounds, r -> 0),
                ExpectedCount.exact(ApacheLikeHttpClient.class, false, rounds, r -> 0));
    }

}
