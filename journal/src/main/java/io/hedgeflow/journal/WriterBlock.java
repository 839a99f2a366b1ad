package io.hedgeflow.journal;

import net.openhft.chronicle.bytes.MappedFile;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The block of its queue file a {@link JournalAppender}'s writer is in, published for the {@link BlockAheadAgent}:
 * the queue file and where the block ends, which is where the next block starts. Single writer (the appender's
 * thread, once per block: every 64 MiB of a queue and at each roll), one reader (the agent's thread); the pair is
 * read consistently through a sequence number that is odd while the writer updates it (a seqlock), so publishing
 * allocates nothing and never waits. The writer also publishes its position after every excerpt (an ordered store),
 * so the agent can touch pages a bounded distance ahead of it.
 */
final class WriterBlock
{
    private static final VarHandle POSITION;

    static
    {
        try
        {
            POSITION = MethodHandles.lookup().findVarHandle(WriterBlock.class, "position", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private volatile long version;
    private volatile long position;
    private volatile MappedFile file;
    private volatile long end;

    /**
     * Publishes the writer's block. Writer thread only.
     *
     * @param file of the queue's current cycle.
     * @param end  of the block the writer is in: the file position where the next block starts.
     */
    void publish(final MappedFile file, final long end)
    {
        final long next = version + 1;
        version = next;
        this.file = file;
        this.end = end;
        version = next + 1;
    }

    /**
     * @return the version of the published block, odd while the writer publishes a new one, 0 before the first.
     */
    long version()
    {
        return version;
    }

    /**
     * @return the file of the published block; consistent with {@link #end()} if {@link #version()} read before and
     * after both is the same even number.
     */
    MappedFile file()
    {
        return file;
    }

    /**
     * @return the end of the published block: where the next block starts.
     */
    long end()
    {
        return end;
    }

    /**
     * Publishes the writer's position: where its next excerpt starts in the file. Writer thread only.
     *
     * @param position in the queue file after the last excerpt written.
     */
    void position(final long position)
    {
        POSITION.setRelease(this, position);
    }

    /**
     * @return the writer's last published position, in the file of the last published block or, just after a roll,
     * still in the previous one.
     */
    long position()
    {
        return position;
    }
}
