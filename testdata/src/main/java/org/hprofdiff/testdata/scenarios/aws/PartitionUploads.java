package org.hprofdiff.testdata.scenarios.aws;

import java.io.IOException;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The part of {@link AwsReaperLeak} that uses the AWS SDK (kept apart, so that the workload itself
 * links no SDK class until it runs). Each task builds an {@link ApacheHttpClient} of its own, as code
 * that builds a service client per task does, and fetches one page of records from the loopback server.
 */
final class PartitionUploads {

    private final LoopbackHttpServer server;
    /** The application's own long-lived client: it keeps the reaper's thread running in both variants. */
    private final SdkHttpClient shared;
    private final ClosedManagers closed = new ClosedManagers();

    private PartitionUploads(LoopbackHttpServer server, SdkHttpClient shared) {
        this.server = server;
        this.shared = shared;
    }

    static PartitionUploads start() throws IOException, InterruptedException {
        PartitionUploads uploads = new PartitionUploads(LoopbackHttpServer.start(), ApacheHttpClient.builder().build());
        uploads.fetchRecords(uploads.shared);
        return uploads;
    }

    /**
     * One task: a new client, one request. {@code closeClient} false is the incident (the service
     * client was closed, its HTTP client not): the client's connection manager stays registered with
     * the SDK's {@code IdleConnectionReaper}, with its pooled connection.
     */
    void runTask(boolean closeClient) throws IOException, InterruptedException {
        SdkHttpClient client = ApacheHttpClient.builder().build();
        fetchRecords(client);
        if (closeClient) {
            closed.close(client);
        }
    }

    /** Returns once the managers of the clients closed so far are freed (see {@link ClosedManagers}). */
    void awaitClosedClientsFreed() throws InterruptedException {
        closed.awaitFreed();
    }

    /** A GET whose response is read to its end, so the kept-alive connection goes back to the client's pool. */
    private void fetchRecords(SdkHttpClient client) throws IOException, InterruptedException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(server.uri()).build();
        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();
        if (!response.httpResponse().isSuccessful()) {
            throw new IOException("loopback server answered " + response.httpResponse().statusCode());
        }
        try (AbortableInputStream body = response.responseBody().orElseThrow(() -> new IOException("no response body"))) {
            body.readAllBytes();
        }
        server.awaitServed();
    }
}
