/**
 * The session journal: two Chronicle queues of raw hedgeflow frames per session directory, written
 * garbage-free and read back as flyweights, plus the printers that turn frames into text or JSON lines.
 * <pre>
 *   SESSION/
 *     inputs/      every frame as received: [receive time ns][ring sequence][frame]
 *     decisions/   every decision and order: [trigger logic time ns][trigger ring sequence][frame]
 * </pre>
 * {@link io.hedgeflow.journal.Journal} opens a session, {@link io.hedgeflow.journal.JournalAppender} writes one
 * queue from a single thread, {@link io.hedgeflow.journal.JournalReader} reads or tails one queue and
 * {@link io.hedgeflow.journal.FramePrinter} prints any frame for {@code dump}. The record layout is
 * {@link io.hedgeflow.journal.JournalRecord}. Records are raw bytes: no Chronicle Wire or YAML on the hot path.
 */
package io.hedgeflow.journal;
