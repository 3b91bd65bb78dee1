package io.inception.engine.store;

/** The store could not be opened or a statement failed in a way the caller cannot fix by retrying. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
