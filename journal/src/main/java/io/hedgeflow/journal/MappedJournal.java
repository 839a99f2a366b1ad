package io.hedgeflow.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * A session journal opened for reading each queue once from its start, straight from the memory-mapped cycle files
 * ({@link MappedQueueReader}): what a replay needs, without starting Chronicle Queue. It checks the directory as
 * {@link Journal#openReadOnly} does (an unfinished last cycle file is skipped, with a notice) and reads the records
 * the files hold when each is reached; a journal still being written is read as far as its writer had got.
 */
public final class MappedJournal
{
    private final Path directory;
    private final List<String> notices;

    private MappedJournal(final Path directory, final List<String> notices)
    {
        this.directory = directory;
        this.notices = List.copyOf(notices);
    }

    /**
     * Opens an existing session for reading.
     *
     * @param directory of the session.
     * @return the journal.
     * @throws IllegalArgumentException if the directory does not hold both queue directories with queue files.
     * @throws UnfinishedCycleException if a headerless cycle file is followed by later ones or holds data.
     */
    public static MappedJournal open(final Path directory)
    {
        return new MappedJournal(directory, Journal.readOnlyNotices(directory));
    }

    /**
     * @return one line per unfinished cycle file skipped, for the caller to print; empty after a clean shutdown.
     */
    public List<String> notices()
    {
        return notices;
    }

    /**
     * @return a new reader positioned at the first record of the inputs queue; close it when done.
     */
    public MappedQueueReader inputsReader()
    {
        return new MappedQueueReader(directory.resolve(Journal.INPUTS));
    }

    /**
     * @return a new reader positioned at the first record of the decisions queue; close it when done.
     */
    public MappedQueueReader decisionsReader()
    {
        return new MappedQueueReader(directory.resolve(Journal.DECISIONS));
    }
}
