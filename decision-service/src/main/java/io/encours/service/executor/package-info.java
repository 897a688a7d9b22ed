/**
 * The service's own thread pools ({@link io.encours.service.executor.Pools}): named threads, a size from the owning
 * feature's properties where more than one thread makes sense, a queue-size gauge each
 * ({@code encours.executor.queue}, tagged {@code pool}), and a shutdown with the application context.
 */
package io.encours.service.executor;
