/**
 * Replay and what-if of recorded decisions, and trying a request against any policy version: each policy
 * version rebuilt from its stored sources (a small cache of compiled versions), the recorded input
 * evaluated again, and the result compared with the recorded one field by field. Nothing here writes to the
 * audit trail. See docs/replay-and-simulation.md.
 */
package io.encours.service.replay;
