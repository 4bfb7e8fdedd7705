package org.hprofdiff.testdata.scenarios.aws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.Workload;

/**
 * {@code aws-reaper} and {@code aws-reaper-fixed}: the incident with the real AWS SDK for Java 2.20.x
 * Apache client. Each round runs {@code clientsPerRound} tasks; each builds an {@code ApacheHttpClient},
 * makes one request to a loopback server and, in the incident, never closes the client. Its
 * {@code PoolingHttpClientConnectionManager} stays registered in the SDK's
 * {@code IdleConnectionReaper.INSTANCE.connectionManagers} (a ConcurrentHashMap, before 2.20.84), and
 * so does its pooled, kept-alive connection. Fixed: the client is closed after use, which deregisters
 * it. See the package documentation of {@code org.hprofdiff.testdata.scenarios} for the graph and numbers.
 */
public final class AwsReaperLeak implements Workload {

    /** Tasks (clients) per round unless the run says otherwise. */
    public static final int DEFAULT_CLIENTS_PER_ROUND = 20;

    private final int clientsPerRound;
    private final boolean closeClients;
    private PartitionUploads uploads;

    public AwsReaperLeak(int clientsPerRound, boolean closeClients) {
        this.clientsPerRound = clientsPerRound;
        this.closeClients = closeClients;
    }

    @Override
    public void runRound(int round) throws InterruptedException {
        try {
            if (uploads == null) {
                uploads = PartitionUploads.start();
            }
            for (int i = 0; i < clientsPerRound; i++) {
                uploads.runTask(closeClients);
            }
            uploads.awaitClosedClientsFreed();
        } catch (IOException e) {
            throw new IllegalStateException("a request to the loopback server failed in round " + round, e);
        }
    }

    /**
     * Clients whose manager is registered after {@code round}: the application's shared client, plus
     * every task's client unless they are closed.
     */
    private long registeredClients(int round) {
        return 1 + leakedClients(round);
    }

    private long leakedClients(int round) {
        return closeClients ? 0 : (long) clientsPerRound * round;
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds) {
        boolean leak = !closeClients && clientsPerRound > 0;
        List<ExpectedCount> counts = new ArrayList<>();
        // one of each per registered manager: the manager, its pool, the pooled connection, the TLS socket factory
        for (String perManager : List.of(POOLING_MANAGER, "org.apache.http.impl.conn.CPool", "org.apache.http.impl.conn.CPoolEntry",
                "org.apache.http.impl.conn.LoggingManagedHttpClientConnection",
                "software.amazon.awssdk.http.apache.internal.conn.SdkTlsSocketFactory")) {
            counts.add(ExpectedCount.exact(perManager, leak, rounds, this::registeredClients));
        }
        counts.add(ExpectedCount.added("java.net.Socket", ExpectedCount.ANY_LENGTH, leak, rounds, this::leakedClients));
        counts.add(ExpectedCount.added("javax.net.ssl.SSLContext", ExpectedCount.ANY_LENGTH, leak, rounds, this::leakedClients));
        // the registry's entries
        counts.add(ExpectedCount.added("java.util.concurrent.ConcurrentHashMap$Node", ExpectedCount.ANY_LENGTH, leak, rounds,
                this::leakedClients));
        // the connection's buffers of HttpClient's default size: session input buffer, its line buffer, session output buffer
        counts.add(ExpectedCount.added("[B", CONNECTION_BUFFER_BYTES, leak, rounds,
                r -> BUFFERS_PER_CONNECTION * leakedClients(r)));
        // the leaked clients themselves are garbage: only the shared one is left
        counts.add(ExpectedCount.exact(APACHE_HTTP_CLIENT, false, rounds, r -> 1));
        counts.add(ExpectedCount.exact(REAPER, false, rounds, r -> 1));
        counts.add(ExpectedCount.exact(REAPER + "$ReaperTask", false, rounds, r -> 1));
        return counts;
    }

    static final String POOLING_MANAGER = "org.apache.http.impl.conn.PoolingHttpClientConnectionManager";
    static final String APACHE_HTTP_CLIENT = "software.amazon.awssdk.http.apache.ApacheHttpClient";
    static final String REAPER = "software.amazon.awssdk.http.apache.internal.conn.IdleConnectionReaper";
    /** HttpClient 4.5's {@code ConnectionConfig} default buffer size. */
    static final int CONNECTION_BUFFER_BYTES = 8192;
    /** Measured in the dumps: {@code SessionInputBufferImpl.buffer} and {@code .linebuffer}, {@code SessionOutputBufferImpl.buffer}. */
    static final int BUFFERS_PER_CONNECTION = 3;
}
