/**
 * Simulations: a policy version (typically a draft) evaluated over every recorded decision of a time
 * window, as a cancellable background job with progress, whose result (outcomes before and after, the flip
 * matrix with the exposure of the orders that flip, the reasons that appear or disappear, sample flipped
 * decisions) is stored in the {@code simulations} collection. Reads the audit trail, never writes to it.
 * See docs/replay-and-simulation.md.
 */
package io.encours.service.simulation;
