package io.hedgeflow.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.io.PrintWriter;

/**
 * Prints the data records of a queue that pass a {@link RecordFilter}, one line each in a {@link FramePrinter}
 * format (CSV starts with {@link FramePrinter#CSV_HEADER}), up to the end of the queue or following it as it grows.
 * Stops early when the output fails (a closed pipe). One thread.
 */
public final class JournalPrinter implements RecordHandler
{
    private final RecordFilter filter;
    private final FramePrinter.Format format;
    private final PrintWriter out;
    private final FramePrinter printer = new FramePrinter();
    private final StringBuilder line = new StringBuilder(256);
    private boolean started;
    private long printed;

    /**
     * @param filter which records to print.
     * @param format of the lines.
     * @param out    to print to; flushed whenever the printer reaches the end of the queue.
     */
    public JournalPrinter(final RecordFilter filter, final FramePrinter.Format format, final PrintWriter out)
    {
        this.filter = filter;
        this.format = format;
        this.out = out;
    }

    /**
     * Prints the matching records from the reader's position to the current end of the queue.
     *
     * @param reader of the queue.
     * @return lines printed so far by this printer.
     */
    public long print(final JournalReader reader)
    {
        start();
        while (!out.checkError() && reader.read(this))
        {
        }
        out.flush();
        return printed;
    }

    /**
     * Prints the matching records and keeps printing those appended later, idling while there are none, until the
     * thread is interrupted or the output fails.
     *
     * @param reader of the queue.
     * @param idle   how to wait for more records, for example a sleeping idle strategy.
     * @return lines printed.
     */
    public long follow(final JournalReader reader, final IdleStrategy idle)
    {
        start();
        while (!Thread.currentThread().isInterrupted() && !out.checkError())
        {
            if (reader.read(this))
            {
                idle.reset();
            }
            else
            {
                out.flush();
                idle.idle();
            }
        }
        out.flush();
        return printed;
    }

    public void onRecord(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence,
        final long index)
    {
        if (filter.matches(buffer, offset, length, sequence))
        {
            line.setLength(0);
            printer.print(buffer, offset, length, stamp, sequence, format, line);
            out.println(line);
            printed++;
        }
    }

    private void start()
    {
        if (!started && format == FramePrinter.Format.CSV)
        {
            out.println(FramePrinter.CSV_HEADER);
        }
        started = true;
    }
}
