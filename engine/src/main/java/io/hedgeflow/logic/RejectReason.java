package io.hedgeflow.logic;

/** Why an input frame was rejected. A rejected frame never changes state. */
public enum RejectReason
{
    /** Shorter than a frame header plus an SBE header, or longer than the largest frame. */
    BAD_LENGTH,
    /** The frame header's length disagrees with the bytes received. */
    LENGTH_MISMATCH,
    /** The frame's CRC32C does not match its bytes: damaged in transit or on disk. */
    BAD_CHECKSUM,
    /** Schema id is not hedgeflow's, or schema version 0. */
    WRONG_SCHEMA,
    /** Template id not an inbound message. */
    UNKNOWN_TEMPLATE,
    /** Block length or repeating group does not fit in the frame. */
    MALFORMED_BODY,
    /** Channel id outside the configured range. */
    BAD_CHANNEL,
    /** Sequence number already seen on this channel. */
    DUPLICATE,
    /** Instrument, underlying or order not known. */
    UNKNOWN_REFERENCE,
    /** A field value out of its domain (non-positive price, crossed quote, invalid enum, ...). */
    BAD_VALUE,
    /** No room left in a fixed-capacity table. */
    CAPACITY;

    static final RejectReason[] VALUES = values();
}
