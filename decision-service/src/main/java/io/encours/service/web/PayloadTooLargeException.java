package io.encours.service.web;

/** The request body is larger than {@code encours.web.max-request-size}. */
class PayloadTooLargeException extends RuntimeException {
    private final long limit;

    PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
