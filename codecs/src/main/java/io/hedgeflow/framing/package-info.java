/**
 * Transport framing shared by feeds, capture files and the journal: the 32-byte
 * {@link io.hedgeflow.framing.FrameHeader} in front of every SBE message, its CRC32C
 * ({@link io.hedgeflow.framing.FrameChecksum}), fixed-point conversions ({@link io.hedgeflow.framing.Fixed8}), the
 * {@link io.hedgeflow.framing.FrameEncoder} that writes a header and an SBE message header in one step, and the
 * helpers readers use on untrusted input: block lengths per schema version
 * ({@link io.hedgeflow.framing.MessageVersions}) and total enum decoding ({@link io.hedgeflow.framing.EnumLookup}).
 * The generated SBE flyweights live in {@code io.hedgeflow.codecs} and are never committed.
 */
package io.hedgeflow.framing;
