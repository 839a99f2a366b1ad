/**
 * Transport framing shared by feeds, capture files and the journal: the 32-byte {@link io.hedgeflow.framing.FrameHeader}
 * in front of every SBE message, its CRC32C ({@link io.hedgeflow.framing.FrameChecksum}), fixed-point conversions ({@link io.hedgeflow.framing.Fixed8}) and the
 * {@link io.hedgeflow.framing.FrameEncoder} that writes a header and an SBE message header in one step.
 * The generated SBE flyweights live in {@code io.hedgeflow.codecs} and are never committed.
 */
package io.hedgeflow.framing;
