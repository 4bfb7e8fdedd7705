package org.hprofdiff.testdata.scenarios.aws;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.internal.impl.ConnectionManagerAwareHttpClient;

/**
 * The connection managers of clients the fixed program closed, until the JVM has freed them.
 * HttpClient 4.5's {@code PoolingHttpClientConnectionManager} has a {@code finalize()} method, so a
 * closed manager outlives the first GC that finds it unreachable: that GC keeps it for the finalizer
 * thread, and only a later GC frees it. A histogram taken right after a round would count the round's
 * closed managers as live (and the dump after it might or might not). {@link #awaitFreed()} runs GCs
 * until a phantom reference to each of them has been enqueued, which happens only once it is finalized
 * and gone, so every round of the fixed program ends with only the live managers.
 *
 * <p>The SDK does not show a client's manager; it is read from the client's private {@code httpClient}
 * field (AWS SDK 2.20.x), which is why this class names SDK internals.
 */
final class ClosedManagers {

    private static final long WAIT_SECONDS = 30;
    private static final Field HTTP_CLIENT = httpClientField();

    private final ReferenceQueue<Object> freed = new ReferenceQueue<>();
    private final Set<Reference<?>> pending = new HashSet<>();

    /** Closes {@code client} and remembers its manager until it is freed. */
    void close(SdkHttpClient client) {
        PhantomReference<Object> manager = new PhantomReference<>(manager(client), freed);
        client.close();
        pending.add(manager);
    }

    /** Returns once every manager closed so far is freed. */
    void awaitFreed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " closed connection managers not freed within "
                        + WAIT_SECONDS + " s");
            }
            System.gc(); // finds them unreachable, then (once the finalizer has run) frees them
            for (Reference<?> done = freed.remove(10); done != null; done = freed.poll()) {
                pending.remove(done);
            }
        }
    }

    private static Object manager(SdkHttpClient client) {
        try {
            return ((ConnectionManagerAwareHttpClient) HTTP_CLIENT.get(client)).getHttpClientConnectionManager();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field httpClientField() {
        try {
            Field field = ApacheHttpClient.class.getDeclaredField("httpClient");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("ApacheHttpClient has no field httpClient: not the AWS SDK 2.20.x this was written for", e);
        }
    }
}
