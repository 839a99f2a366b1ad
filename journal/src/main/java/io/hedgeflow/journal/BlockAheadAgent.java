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
 * reservation, with one on the block the writer is in, and releases the block the writer has left, or both blocks
 * of a file the writer rolled away from. Chronicle's {@code MappedFile} keeps the mapping it made, so the writer
 * reaching that block takes it with a reference count increment instead of a mapping. In the duty cycles between,
 * the agent touches the pages of the two held blocks up to {@link #TOUCH_AHEAD_BYTES} ahead of the writer's published
 * position, so the writer does not take their first page faults either: on ext4 with large folios, the fault that
 * first reaches a hole of the sparse file zero-fills the file system's read-ahead window (8 MiB on a virtio disk),
 * which stalled the writer for about 20 ms every 8 MiB (docs/journal.md, "Mapping ahead"). Mapping ahead grows
 * each queue file by one block ahead of its writer (sparse); touching allocates the pages up to
 * {@link #TOUCH_AHEAD_BYTES} ahead of it (disk blocks, or memory on tmpfs) before the writer reaches them.
 * <p>
 * A block that cannot be mapped (a file-size limit, a file system that cannot grow the file) is left to the writer:
 * it meets the same error when it reaches the block and faults the journal there, as it would without this agent.
 */
final class BlockAheadAgent implements Agent
{
    private static final int PAGE_SIZE = 4096;
    /** Pages touched per duty cycle and queue at most: 2 MiB, so a new block is seen soon. */
    private static final int TOUCH_PAGES = 512;
    /** How far ahead of its writer a queue's pages are touched: two 8 MiB read-ahead windows, 1.5 s at 100k/s. */
    private static final long TOUCH_AHEAD_BYTES = 16L << 20;

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

    /**
     * One queue: its writer's published block, the reservations the agent holds on that block and the one after it,
     * and how far their pages are touched.
     */
    private static final class Ahead
    {
        private final WriterBlock block;
        private long seenVersion;
        private MappedFile heldFile;
        private MappedBytesStore current;
        private MappedBytesStore next;
        private long touchedTo;

        Ahead(final WriterBlock block)
        {
            this.block = block;
        }

        int doWork(final ReferenceOwner owner)
        {
            final long version = block.version();
            if (version == seenVersion || (version & 1) != 0)
            {
                return touch();
            }
            final MappedFile file = block.file();
            final long end = block.end();
            if (block.version() != version)
            {
                return 0;
            }
            seenVersion = version;
            if (file == heldFile && null != next && next.safeLimit() == end)
            {
                releaseCurrent(owner);
                current = next;
                next = null;
            }
            else
            {
                release(owner);
                heldFile = file;
                current = acquire(owner, file, end - 1);
                touchedTo = null == current ? end : current.start();
            }
            next = acquire(owner, file, end);
            return 1;
        }

        /** @return the block of the file holding this position, held; null if it cannot be mapped. */
        private static MappedBytesStore acquire(final ReferenceOwner owner, final MappedFile file, final long position)
        {
            try
            {
                return file.acquireByteStore(owner, position);
            }
            catch (final IOException | RuntimeException ex)
            {
                return null; // left to the writer, which meets the same error at this block and faults the journal
            }
        }

        /**
         * Touches up to {@link #TOUCH_PAGES} pages not touched yet between the writer's position and
         * {@link #TOUCH_AHEAD_BYTES} ahead of it, within the two held blocks, each with a compare-and-swap of 0 with 0
         * on its first word (as {@link JournalAppender#pretouch()}), so their page faults are taken here and not by
         * the writer: the file system filling the sparse file's holes with zeroed pages of the page cache (with its
         * read-ahead, up to milliseconds per fault) and making each page writable. A compare-and-swap of 0 with 0
         * never changes a byte, wherever the writer is. A page that cannot be made writable (a full file system)
         * ends the touching of the held blocks: the writer meets the same error there and faults the journal.
         */
        private int touch()
        {
            final MappedBytesStore last = null != next ? next : current;
            if (null == last)
            {
                return 0;
            }
            final long position = block.position();
            final long from = Math.max(touchedTo, (position + PAGE_SIZE - 1) & -PAGE_SIZE);
            final long to = Math.min(Math.min(last.safeLimit(), (position + TOUCH_AHEAD_BYTES) & -PAGE_SIZE),
                from + (long)TOUCH_PAGES * PAGE_SIZE);
            if (from >= to)
            {
                return 0;
            }
            try
            {
                for (long page = from; page < to; page += PAGE_SIZE)
                {
                    final MappedBytesStore store = null != current && page < current.safeLimit() ? current : next;
                    if (null == store || page < store.start())
                    {
                        touchedTo = last.safeLimit();
                        return 1;
                    }
                    store.compareAndSwapLong(page, 0, 0);
                }
                touchedTo = to;
            }
            catch (final RuntimeException | InternalError ex)
            {
                touchedTo = last.safeLimit();
            }
            return 1;
        }

        private void releaseCurrent(final ReferenceOwner owner)
        {
            if (null != current)
            {
                final MappedBytesStore store = current;
                current = null;
                store.release(owner);
            }
        }

        void release(final ReferenceOwner owner)
        {
            releaseCurrent(owner);
            if (null != next)
            {
                final MappedBytesStore store = next;
                next = null;
                store.release(owner);
            }
        }
    }
}
