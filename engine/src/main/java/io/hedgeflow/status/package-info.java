/**
 * Live status for other processes: the memory-mapped {@link io.hedgeflow.status.CountersFile} (Agrona counters
 * and a distinct error log) written by {@link io.hedgeflow.status.EngineCounters} and read by {@code hedgeflow stat}.
 */
package io.hedgeflow.status;
