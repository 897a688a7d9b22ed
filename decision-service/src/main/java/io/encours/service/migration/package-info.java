/**
 * Moving the embedded store's data to a MongoDB: a mode of the service's jar
 * ({@code --encours.migrate.to=mongodb://...}) that copies every collection of the stopped service's embedded
 * store to the target database with its indexes, every document as stored (same {@code _id}, same BSON types),
 * then checks the counts and the audit chain on the target. Re-running it skips what is already there, so a
 * migration cut short is finished by running it again (docs/operations.md, "Moving to MongoDB").
 */
package io.encours.service.migration;
