package io.hedgeflow.journal;

/**
 * Prints a {@link Verification} for {@code verify}: as text, one line per queue then a summary line, or as one
 * JSON object with a {@code queues} list. Keys are the same in both. A queue that starts mid-way says so
 * ({@code start=mid-way}), and a broken one names the first broken record and why.
 * <pre>
 * queue=inputs status=intact records=3000000 headers=1 seals=2930 unsealed=0 start=beginning first_index=...
 *   link=9f3a... digest=5e0f...
 * queue=decisions status=broken records=41 ... broken_index=... broken_file=20260101-10F.cq4 broken_position=43
 *   broken_sequence=1012 reason=link mismatch: ...
 * status=broken records=3000100 elapsed_ms=512.345 records_per_second=5855756 cpu_ms=498.2
 *   records_per_cpu_second=6021878
 * </pre>
 * (each one line). records is data records per queue and every record read (data, headers, seals) in the summary;
 * the CPU figures, of the verifying thread, stay meaningful on a machine shared with other work.
 */
public final class VerificationPrinter
{
    private static final String MID_WAY_NOTE = "older files are missing: the first record is trusted and SHA-256 " +
        "checks start at the first seal";

    private final LineWriter line = new LineWriter();

    /**
     * Appends the report of a verification as text lines (each ended by a newline) or as one JSON object.
     *
     * @param verification what was found.
     * @param elapsedNs    wall-clock time the verification took.
     * @param cpuNs        CPU time the verifying thread took.
     * @param json         true for JSON, false for text.
     * @param out          to append to.
     */
    public void print(
        final Verification verification,
        final long elapsedNs,
        final long cpuNs,
        final boolean json,
        final StringBuilder out)
    {
        final QueueVerification[] queues = { verification.inputs(), verification.decisions() };
        if (json)
        {
            line.begin(out, true);
            summary(verification, elapsedNs, cpuNs);
            line.beginGroup("queues");
            for (final QueueVerification queue : queues)
            {
                line.beginEntry();
                queue(queue);
                line.endEntry();
            }
            line.endGroup();
            line.end();
            out.append('\n');
            return;
        }
        for (final QueueVerification queue : queues)
        {
            line.begin(out, false);
            queue(queue);
            out.append('\n');
        }
        line.begin(out, false);
        summary(verification, elapsedNs, cpuNs);
        out.append('\n');
    }

    private void summary(final Verification verification, final long elapsedNs, final long cpuNs)
    {
        line.stringField("status", verification.intact() ? "intact" : "broken");
        line.longField("records", verification.total());
        line.doubleField("elapsed_ms", elapsedNs / 1e6);
        line.longField("records_per_second", perSecond(verification.total(), elapsedNs));
        line.doubleField("cpu_ms", cpuNs / 1e6);
        line.longField("records_per_cpu_second", perSecond(verification.total(), cpuNs));
    }

    private static long perSecond(final long records, final long ns)
    {
        return ns > 0 ? Math.round(records * 1e9 / ns) : 0;
    }

    private void queue(final QueueVerification queue)
    {
        line.stringField("queue", queue.queue());
        line.stringField("status", queue.intact() ? "intact" : "broken");
        line.longField("records", queue.records());
        line.longField("headers", queue.headers());
        line.longField("seals", queue.seals());
        line.longField("unsealed", queue.unsealed());
        line.stringField("start", queue.firstIndex() < 0 ? "empty" : queue.fromStart() ? "beginning" : "mid-way");
        line.longField("first_index", queue.firstIndex());
        line.stringField("link", queue.link());
        line.stringField("digest", queue.digest());
        final QueueVerification.Break broken = queue.broken();
        if (null != broken)
        {
            line.longField("broken_index", broken.index());
            line.stringField("broken_file", broken.file());
            line.longField("broken_position", broken.position());
            line.longField("broken_sequence", broken.sequence());
            line.stringField("reason", broken.reason());
        }
        else if (!queue.fromStart() && queue.firstIndex() >= 0)
        {
            line.stringField("note", MID_WAY_NOTE);
        }
    }
}
