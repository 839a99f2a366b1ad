/**
 * Primitives of the snapshot byte layout: {@link io.hedgeflow.snapshot.StateWriter} and
 * {@link io.hedgeflow.snapshot.StateReader} write and read little-endian values, doubles as raw bits, so a
 * restored state is bit-identical to the one written.
 */
package io.hedgeflow.snapshot;
