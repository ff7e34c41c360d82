package org.fedoraproject.packages.worker.bus;

/** A message the worker cannot act on; it goes to the dead-letter queue with this reason. */
public class InvalidMessageException extends RuntimeException {
    public InvalidMessageException(String reason) {
        super(reason);
    }
}
