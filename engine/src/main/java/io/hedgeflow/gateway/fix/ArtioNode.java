package io.hedgeflow.gateway.fix;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveMarkFile;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.hedgeflow.gateway.fix.codecs.FixDictionaryImpl;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.engine.MessageTimingHandler;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;
import uk.co.real_logic.artio.validation.SessionPersistenceStrategy;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.io.File;
import java.util.List;

/**
 * One embedded Artio stack under one directory: an Aeron media driver with its archive (where Artio records every
 * FIX message and persists sequence numbers across restarts) and a FixEngine, either on one low-resource thread or
 * with its framer run by the owner's thread ({@link #invokeFramer()}, {@link InvokedFramerScheduler}). The
 * gateway and the test venue each own one; libraries connect to it over IPC. Accepted sessions keep their sequence
 * numbers across logons unless the logon asks for a reset (ResetSeqNumFlag), as a FIX venue's do (Artio's default
 * for acceptors resets them at every logon, which made a client's re-logon fail: MsgSeqNum too low). The directory
 * belongs to one process: a start deletes the Aeron directory and the archive's mark file a killed process left (its
 * recordings stay), and does not wait out Artio's duplicate-engine heartbeat, so an engine restarts at once after a
 * crash.
 */
public final class ArtioNode implements AutoCloseable
{
    private static final String IPC = "aeron:ipc";
    private static final int TERM_LENGTH = 4 * 1024 * 1024;

    private final File dir;
    private final SessionCustomisationStrategy customisation;
    private final ArchivingMediaDriver driver;
    private final InvokedFramerScheduler invokedFramer;
    private final FixEngine engine;

    /**
     * Launches the driver, archive and engine.
     *
     * @param dir            directory holding the Aeron, archive and Artio files (kept across restarts).
     * @param bindPort       port the engine accepts FIX sessions on, or -1 for an initiator only.
     * @param authentication acceptor's logon check (ignored by initiators).
     * @param customisation  initiator's logon customisation.
     * @param timing         called by the framer after each message is written to its socket, or null.
     * @param idle           how the engine's thread waits when idle (with an invoked framer: its other agents').
     * @param framerInvoked  whether the owner runs the framer by calling {@link #invokeFramer()} in its duty cycle
     *                       (and closes this node on that thread).
     */
    public ArtioNode(
        final File dir,
        final int bindPort,
        final AuthenticationStrategy authentication,
        final SessionCustomisationStrategy customisation,
        final MessageTimingHandler timing,
        final IdleStrategy idle,
        final boolean framerInvoked)
    {
        this.dir = dir;
        invokedFramer = framerInvoked ? new InvokedFramerScheduler() : null;
        this.customisation = customisation;
        final String aeronDir = new File(dir, "aeron").getAbsolutePath();
        final MediaDriver.Context driverCtx = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .ipcTermBufferLength(TERM_LENGTH)
            .publicationTermBufferLength(TERM_LENGTH);
        final File archiveDir = new File(dir, "archive");
        IoUtil.deleteIfExists(new File(archiveDir, ArchiveMarkFile.FILENAME));
        final Archive.Context archiveCtx = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(archiveDir)
            .controlChannelEnabled(false)
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel(IPC))
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            .recordingEventsEnabled(false)
            .segmentFileLength(TERM_LENGTH)
            .threadingMode(ArchiveThreadingMode.SHARED);
        driver = ArchivingMediaDriver.launch(driverCtx, archiveCtx);
        try
        {
            final EngineConfiguration config = new EngineConfiguration()
                .libraryAeronChannel(IPC)
                .logFileDir(new File(dir, "artio").getAbsolutePath())
                .scheduler(framerInvoked ? invokedFramer : new LowResourceEngineScheduler())
                .framerIdleStrategy(idle)
                .archiverIdleStrategy(idle)
                .authenticationStrategy(authentication)
                .acceptorfixDictionary(FixDictionaryImpl.class)
                .deleteLogFileDirOnStart(false)
                .errorIfDuplicateEngineDetected(false);
            if (bindPort >= 0)
            {
                config.bindTo("localhost", bindPort);
            }
            config.sessionCustomisationStrategy(customisation);
            config.sessionPersistenceStrategy(SessionPersistenceStrategy.alwaysPersistent());
            config.messageTimingHandler(timing);
            config.monitoringFile(new File(dir, "engine-counters").getAbsolutePath());
            config.aeronContext().aeronDirectoryName(aeronDir);
            config.aeronArchiveContext()
                .aeronDirectoryName(aeronDir)
                .controlRequestChannel(archiveCtx.localControlChannel())
                .controlRequestStreamId(archiveCtx.localControlStreamId())
                .controlResponseChannel(IPC);
            engine = FixEngine.launch(config);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    /** A library configuration bound to this node's engine; the caller adds its handlers. */
    public LibraryConfiguration libraryConfiguration(final String name)
    {
        final LibraryConfiguration config = new LibraryConfiguration()
            .libraryAeronChannels(List.of(IPC))
            .libraryName(name);
        config.sessionCustomisationStrategy(customisation);
        config.monitoringFile(new File(dir, name + "-counters").getAbsolutePath());
        config.aeronContext().aeronDirectoryName(new File(dir, "aeron").getAbsolutePath());
        return config;
    }

    /**
     * One duty cycle of the engine's framer on the caller's thread (the owner's, always the same one): writes what
     * the libraries sent to the sockets and reads what the sockets received. 0 without an invoked framer.
     */
    public int invokeFramer()
    {
        return invokedFramer != null ? invokedFramer.invokeFramer() : 0;
    }

    /** With an invoked framer, call this on the thread that invokes it. */
    public void close()
    {
        final AutoCloseable closeEngine = invokedFramer != null ? () -> invokedFramer.closeEngine(engine) : engine;
        CloseHelper.closeAll(closeEngine, driver);
    }
}
