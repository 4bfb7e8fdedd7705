package org.hprofdiff.testdata.scenarios.incident;

import java.util.ArrayList;
import java.util.List;

import org.hprofdiff.testdata.scenarios.incident.http.ApacheLikeHttpClient;
import org.hprofdiff.testdata.scenarios.incident.http.HttpRoute;

/**
 * Writes one partition of a streaming job's output. The bug of the incident lives here: the writer
 * builds its own HTTP client for its stream client and, when done, closes only the stream client.
 * The HTTP client's connection manager stays registered with the reaper, so every writer the job
 * ever created leaks one pool.
 */
final class PartitionWriter implements AutoCloseable {

    /** Connections each route's pool opens up front. */
    static final int SOCKETS_PER_ROUTE = 2;

    private final KinesisLikeClient kinesis;

    PartitionWriter(String streamName) {
        List<HttpRoute> routes = new ArrayList<>(KinesisLikeClient.ENDPOINT_HOSTS.size());
        for (String host : KinesisLikeClient.ENDPOINT_HOSTS) {
            routes.add(new HttpRoute(host, KinesisLikeClient.HTTPS_PORT));
        }
        ApacheLikeHttpClient http = new ApacheLikeHttpClient(routes, SOCKETS_PER_ROUTE);
        this.kinesis = new KinesisLikeClient(streamName, http, routes);
    }

    long write(List<byte[]> records) {
        return kinesis.putRecords(records);
    }

    /** The leak: closes the stream client but not the HTTP client built for it in the constructor. */
    @Override
    public void close() {
        kinesis.close();
    }
}
