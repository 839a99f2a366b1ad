package io.hedgeflow.journal;

import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceOwner;
import org.agrona.concurrent.Agent;

import java.io.IOException;

/**
 * Maps the next block of each queue file ahead of its writer, off the writer's thread, so that no append maps a
 * block. Chronicle maps a queue file in blocks (64 MiB and a 16 MiB overlap for the journal's roll cycles) and maps
 * the next one when the writer first writes past the current one: at 100,000 frames/s that is every 5 s per queue,
 * and it costs the writer about 0.5 ms (growing the file, the mapping and Chronicle's rarely run, so interpreted,
 * code for them). Opening the journal for writing runs this agent on a thread of its own (Journal,
 * {@link JournalContext#mapAhead(boolean)}).
 * <p>
 * Each duty cycle it reads each writer's {@link WriterBlock}; when the writer has entered a new block, it acquires
 * (maps, growing the file first if it is shorter) the block after it from the same {@code MappedFile} and holds its
 * reservation, and releases the block it held before, which the writer has entered, or which belongs to a file the
 * writer rolled away from. Chronicle's {@code MappedFile} keeps the mapping it made, so the writer reaching that
 * block takes it with a reference count increment instead of a mapping. Mapping ahead grows each queue file by one
 * block ahead of its writer: the files are sparse, so this uses no disk space.
 * <p>
 * A block that cannot be mapped (a file-size limit, a file system that cannot grow the file) is left to the writer:
 * it meets the same error when it reaches the block and faults the journal there, as it would without this agent.
 */
final class BlockAheadAgent implements Agent
{
    private final ReferenceOwner owner = ReferenceOwner.temporary("hedgeflow-journal-block-ahead");
    private final Ahead[] queues;

    /**
     * @param blocks of the writers, one per queue.
     */
    BlockAheadAgent(final WriterBlock... blocks)
    {
        queues = new Ahead[blocks.length];
        for (int i = 0; i < blocks.length; i++)
        {
            queues[i] = new Ahead(blocks[i]);
        }
    }

    public int doWork()
    {
        int work = 0;
        for (final Ahead queue : queues)
        {
            work += queue.doWork(owner);
        }
        return work;
    }

    /** Releases the blocks held ahead. */
    public void onClose()
    {
        for (final Ahead queue : queues)
        {
            queue.release(owner);
        }
    }

    public String roleName()
    {
        return "hedgeflow-journal-block-ahead";
    }

    /** One queue: its writer's published block, the block held ahead of it. */
    private static final class Ahead
    {
        private final WriterBlock block;
        private long seenVersion;
        private MappedBytesStore held;

        Ahead(final WriterBlock block)
        {
            this.block = block;
        }

        int doWork(final ReferenceOwner owner)
        {
            final long version = block.version();
            if (version == seenVersion || (version & 1) != 0)
            {
                return 0;
            }
            final MappedFile file = block.file();
            final long next = block.end();
            if (block.version() != version)
            {
                return 0;
            }
            seenVersion = version;
            release(owner);
            try
            {
                held = file.acquireByteStore(owner, next);
            }
            catch (final IOException | RuntimeException ex)
            {
                held = null; // left to the writer, which meets the same error at this block and faults the journal
            }
            return 1;
        }

        void release(final ReferenceOwner owner)
        {
            if (null != held)
            {
                final MappedBytesStore store = held;
                held = null;
                store.release(owner);
            }
        }
    }
}
