package io.inception.engine.stage;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** The one place that sorts unexpected exceptions into transient (retry) and permanent (fail now). */
public final class FailureClassifier {
    private FailureClassifier() {
    }

    public static StageResult.Failed classify(Throwable error) {
        String message = describe(error);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return StageResult.Failed.permanent(message);
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException) {
                return StageResult.Failed.transientFailure(message);
            }
        }
        if (error instanceof IOException) return StageResult.Failed.transientFailure(message);
        return StageResult.Failed.permanent(message);
    }

    private static String describe(Throwable error) {
        String m = error.getMessage();
        return error.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
