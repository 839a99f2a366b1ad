/**
 * The session journal: two Chronicle queues of raw hedgeflow records per session directory, written garbage-free
 * with a tamper-evident chain, read back as flyweights, checked, filtered and printed.
 * <pre>
 *   SESSION/
 *     inputs/      header, then every frame as received: [receive time ns][ring sequence][link][frame], seals
 *     decisions/   header, then every decision and order: [trigger logic time ns][trigger sequence][link][frame]
 * </pre>
 * {@link io.hedgeflow.journal.Journal} opens a session (configured by {@link io.hedgeflow.journal.JournalContext},
 * described by a {@link io.hedgeflow.journal.JournalHeader}), {@link io.hedgeflow.journal.JournalAppender} writes one
 * queue from a single thread, {@link io.hedgeflow.journal.JournalReader} reads or tails one queue,
 * {@link io.hedgeflow.journal.MappedQueueReader} reads one queue of a {@link io.hedgeflow.journal.MappedJournal}
 * straight from its memory-mapped cycle files (replay, without starting Chronicle),
 * {@link io.hedgeflow.journal.Verifier} checks the chain of both queues, and
 * {@link io.hedgeflow.journal.JournalPrinter} prints records through a {@link io.hedgeflow.journal.RecordFilter}
 * with a {@link io.hedgeflow.journal.FramePrinter} (text, JSON lines or CSV). The record layout and the chain are
 * described in {@link io.hedgeflow.journal.JournalRecord}; rolling and retention in docs/journal.md. Records are
 * raw bytes: no Chronicle Wire or YAML on the hot path.
 */
package io.hedgeflow.journal;
