/**
 * Where decisions are kept: an in-process MongoDB (mongo-java-server over an H2 file) when no
 * {@code MONGODB_URI} is given, a real MongoDB otherwise, behind the same Spring Data MongoDB client.
 * {@link io.encours.service.storage.WriteDurability} tells the audit writer how a write becomes durable.
 */
package io.encours.service.storage;
