package io.encours.rules.decision;

/** Identifies the exact policy that made a decision: id, version label and the SHA-256 of its sources. */
public record PolicyStamp(String id, String version, String contentHash) {
}
