package io.hedgeflow.control;

/** Why an intact command frame on the control endpoint was refused; each reason has a counter. */
public enum ControlRefusal
{
    /** No seal after the frame. */
    UNSIGNED,
    /** The seal is not the key's code of the frame, timestamp and nonce (wrong key or altered datagram). */
    FORGED,
    /** The timestamp is further than the window from the receiver's clock. */
    STALE,
    /** The nonce was accepted before within the window (or the nonce set is full of live commands). */
    REPLAYED
}
