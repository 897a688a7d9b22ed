package io.encours.service.audit;

/** A record with this request id is already in the audit trail. */
public class DuplicateRequestException extends RuntimeException {
    private final String requestId;

    public DuplicateRequestException(String requestId) {
        super("A decision with request id " + requestId + " is already recorded");
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
