/**
 * Authentication of operator commands ({@code hedgeflow kill} to {@code run --control}): the owner-only key file
 * ({@link io.hedgeflow.control.ControlKey}), the HMAC-SHA256 seal appended to a command frame with its timestamp and
 * nonce ({@link io.hedgeflow.control.CommandSeal}) and the bounded set of nonces seen
 * ({@link io.hedgeflow.control.NonceWindow}). The threat model is in docs/network-feed.md.
 */
package io.hedgeflow.control;
