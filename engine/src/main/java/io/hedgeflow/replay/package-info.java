/**
 * Replay of a journal through a fresh {@link io.hedgeflow.logic.HedgeLogic}, with byte-for-byte verification of
 * its decisions against the decisions journal.
 */
package io.hedgeflow.replay;
