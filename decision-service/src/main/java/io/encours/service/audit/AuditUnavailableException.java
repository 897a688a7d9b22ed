package io.encours.service.audit;

/** The audit record could not be written, so the decision must not be given. */
public class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
