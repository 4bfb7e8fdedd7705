package org.hprofdiff.testdata.scenarios.incident;

import java.util.List;

import org.hprofdiff.testdata.scenarios.incident.http.ApacheLikeHttpClient;
import org.hprofdiff.testdata.scenarios.incident.http.HttpRoute;

/**
 * A stream-service client built on an HTTP client it is given. Like SDK clients built with an
 * externally supplied HTTP client, it does not own that client, so {@link #close()} leaves it open:
 * whoever built the HTTP client must close it.
 */
public final class KinesisLikeClient implements AutoCloseable {

    /** The endpoint's routes: one pool each in every HTTP client's connection manager. */
    static final List<String> ENDPOINT_HOSTS = List.of("kinesis.eu-west-1.amazonaws.com",
            "kinesis-fips.eu-west-1.amazonaws.com");
    static final int HTTPS_PORT = 443;

    private final String streamName;
    private final ApacheLikeHttpClient httpClient;
    private final List<HttpRoute> routes;
    private boolean closed;

    KinesisLikeClient(String streamName, ApacheLikeHttpClient httpClient, List<HttpRoute> routes) {
        this.streamName = streamName;
        this.httpClient = httpClient;
        this.routes = routes;
    }

    /** Sends each record to the stream, spreading them over the routes; returns bytes acknowledged. */
    long putRecords(List<byte[]> records) {
        if (closed) {
            throw new IllegalStateException(streamName + ": client closed");
        }
        long acknowledged = 0;
        for (int i = 0; i < records.size(); i++) {
            acknowledged += httpClient.execute(routes.get(i % routes.size()), records.get(i));
        }
        return acknowledged;
    }

    /** Closes this client only; the HTTP client it was given stays open (and registered). */
    @Override
    public void close() {
        closed = true;
    }
}
