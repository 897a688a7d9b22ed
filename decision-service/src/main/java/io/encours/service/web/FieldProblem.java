package io.encours.service.web;

/**
 * One thing wrong with a request: the field, as a JSON path ({@code order.amount},
 * {@code invoice.promises[0].status}) or a header or parameter name, and why.
 */
public record FieldProblem(String field, String reason) {
}
