package io.hedgeflow.cluster;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.hedgeflow.pipeline.EngineContext;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.NoOpLock;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;

/**
 * One member of a cluster in this process: an embedded media driver, archive and consensus module
 * ({@link ClusteredMediaDriver}) and the {@link HedgeClusteredService} in its container, with every directory under
 * the member's directory and every port from the {@link ClusterContext}. Aeron's settings are made on the contexts,
 * never as system properties, so several members can share a JVM (tests). Term lengths are the context's (64 KiB by
 * default) to keep memory small. The member's role goes to {@link #ROLE_FILE} in its directory at each change.
 */
public final class ClusterNode implements AutoCloseable
{
    /** File in the member's directory holding its role (FOLLOWER, CANDIDATE or LEADER) since its last change. */
    public static final String ROLE_FILE = "role";

    private final int memberId;
    private final HedgeClusteredService service;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;

    private ClusterNode(
        final ClusterContext ctx, final int memberId, final EngineContext engine, final ErrorHandler errors,
        final Runnable terminationHook)
    {
        this.memberId = memberId;
        final ClusterMember member = ctx.member(memberId);
        final Path dir = ctx.memberDir(memberId);
        final String aeronDir = dir.resolve("aeron").toString();
        final File clusterDir = dir.resolve("cluster").toFile();
        final String ipc = "aeron:ipc?term-length=" + ctx.termLength();
        final String udp = "aeron:udp?term-length=" + ctx.termLength();
        final MediaDriver.Context driverCtx = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(ctx.termLength())
            .ipcTermBufferLength(ctx.termLength())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(errors);
        final Archive.Context archiveCtx = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveId(((long)ctx.clusterId() << 16) | memberId)
            .archiveDir(dir.resolve("archive").toFile())
            .controlChannel("aeron:udp?endpoint=" + member.endpoint(ClusterMember.ARCHIVE_PORT_OFFSET))
            .localControlChannel(ipc)
            .replicationChannel("aeron:udp?endpoint=" + member.endpoint(ClusterMember.REPLICATION_PORT_OFFSET))
            .recordingEventsEnabled(false)
            .segmentFileLength(ctx.termLength() * 64)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .errorHandler(errors);
        final AeronArchive.Context archiveClient = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(archiveCtx.localControlChannel())
            .controlRequestStreamId(archiveCtx.localControlStreamId())
            .controlResponseChannel(ipc)
            .aeronDirectoryName(aeronDir);
        final ConsensusModule.Context consensusCtx = new ConsensusModule.Context()
            .clusterId(ctx.clusterId())
            .clusterMemberId(memberId)
            .clusterMembers(ctx.aeronMembers())
            .clusterDir(clusterDir)
            .aeronDirectoryName(aeronDir)
            .archiveContext(archiveClient.clone())
            .ingressChannel(udp)
            .logChannel(udp)
            .replicationChannel("aeron:udp?endpoint=" + member.host() + ":0")
            .electionTimeoutNs(ctx.electionTimeoutNs())
            .leaderHeartbeatIntervalNs(ctx.heartbeatIntervalNs())
            .leaderHeartbeatTimeoutNs(ctx.heartbeatTimeoutNs())
            .sessionTimeoutNs(ctx.sessionTimeoutNs())
            .serviceCount(1)
            .terminationHook(terminationHook)
            .errorHandler(errors);
        final Path roleFile = dir.resolve(ROLE_FILE);
        service = new HedgeClusteredService(engine.logicContext(), ctx.journalDir(memberId), engine.rollCycle(),
            role -> writeRole(roleFile, role));
        driver = ClusteredMediaDriver.launch(driverCtx, archiveCtx, consensusCtx);
        try
        {
            container = ClusteredServiceContainer.launch(new ClusteredServiceContainer.Context()
                .clusterId(ctx.clusterId())
                .aeronDirectoryName(aeronDir)
                .archiveContext(archiveClient.clone())
                .clusterDir(clusterDir)
                .clusteredService(service)
                .serviceId(0)
                .terminationHook(terminationHook)
                .errorHandler(errors));
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    /**
     * Starts a member.
     *
     * @param ctx             the member's cluster.
     * @param memberId        which member.
     * @param engine          the logic's configuration and the journal's roll cycle.
     * @param errors          receives the errors of every Aeron component.
     * @param terminationHook runs when the cluster shuts the member down (for example a cluster-wide shutdown).
     * @return the running member.
     */
    public static ClusterNode launch(
        final ClusterContext ctx, final int memberId, final EngineContext engine, final ErrorHandler errors,
        final Runnable terminationHook)
    {
        ctx.conclude();
        return new ClusterNode(ctx, memberId, engine, errors, terminationHook);
    }

    public int memberId()
    {
        return memberId;
    }

    /** This member's role now (follower, candidate or leader). */
    public Cluster.Role role()
    {
        return Cluster.Role.get(driver.consensusModule().context().clusterNodeRoleCounter());
    }

    /**
     * Asks the cluster for a snapshot of every member (only the leader acts on it), as Aeron's ClusterTool does.
     *
     * @return false if a snapshot or another control action is already in progress.
     */
    public boolean requestSnapshot()
    {
        final ConsensusModule.Context consensus = driver.consensusModule().context();
        return ClusterControl.ToggleState.SNAPSHOT.toggle(
            ClusterControl.findControlToggle(consensus.aeron().countersReader(), consensus.clusterId()));
    }

    /** Snapshots this member has taken since it started. */
    public long snapshots()
    {
        return driver.consensusModule().context().snapshotCounter().get();
    }

    /** The service, for tests. */
    HedgeClusteredService service()
    {
        return service;
    }

    private static void writeRole(final Path file, final Cluster.Role role)
    {
        try
        {
            final Path temporary = file.resolveSibling(ROLE_FILE + ".tmp");
            Files.writeString(temporary, role.name() + System.lineSeparator());
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Stops the service, then the consensus module, archive and media driver. */
    public void close()
    {
        CloseHelper.closeAll(container, driver);
    }
}
