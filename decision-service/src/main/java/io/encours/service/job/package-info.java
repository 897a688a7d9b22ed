/**
 * The machinery of the service's long jobs (a simulation, a back-test): one job at a time per feature on its
 * own job thread ({@link io.encours.service.job.JobRunner}), progress saved about once a second
 * ({@link io.encours.service.job.ProgressSaver}), jobs left running by a stopped instance marked FAILED at
 * start-up. The features keep what their job does, its store and its executor.
 */
package io.encours.service.job;
