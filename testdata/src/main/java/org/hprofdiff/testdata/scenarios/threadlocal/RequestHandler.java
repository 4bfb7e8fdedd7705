package org.hprofdiff.testdata.scenarios.threadlocal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Serves one request on a pool thread; the bug is the missing {@code scope.remove()} at the end. */
final class RequestHandler implements Callable<Integer> {

    private final long requestId;

    RequestHandler(long requestId) {
        this.requestId = requestId;
    }

    @Override
    public Integer call() {
        RequestScope scope = new RequestScope();
        scope.set(new RequestContext(scope, requestId));
        return render(scope);
        // missing: scope.remove()
    }

    /** Renders the response into the buffer found through the scope, as deeper code would. */
    private static int render(RequestScope scope) {
        RequestContext context = scope.get();
        byte[] body = ("response " + context.requestId()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(body, 0, context.responseBuffer(), 0, body.length);
        return body.length;
    }
}
