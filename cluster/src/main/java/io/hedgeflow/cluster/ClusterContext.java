package io.hedgeflow.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One cluster of a {@link ClusterTopology}, with validated defaults ({@link #conclude()} names the offending key):
 * its members, their directories and ports, the consensus timeouts and the Aeron term length.
 * <pre>
 *   DIR/member-N/            member N's directory (DIR: {@link #directory()})
 *   DIR/member-N/journal/    its engine journal (inputs as applied, decisions): verify, dump, replay --verify
 *   DIR/member-N/aeron/      its media driver's directory (not the shared /dev/shm default)
 *   DIR/member-N/archive/    its archive (the replicated log and the snapshots)
 *   DIR/member-N/cluster/    consensus module and service state (mark files, recording log)
 * </pre>
 */
public final class ClusterContext
{
    public static final long DEFAULT_ELECTION_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(1);
    public static final long DEFAULT_HEARTBEAT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);
    public static final long DEFAULT_SESSION_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    /** Term length of the log, ingress and egress channels: 64 KiB keeps each member's memory small. */
    public static final int DEFAULT_TERM_LENGTH = 64 * 1024;

    private int clusterId;
    private Path directory;
    private int basePort = -1;
    private List<ClusterMember> members = List.of();
    private long electionTimeoutNs = DEFAULT_ELECTION_TIMEOUT_NS;
    private long heartbeatIntervalNs = DEFAULT_HEARTBEAT_INTERVAL_NS;
    private long heartbeatTimeoutNs = DEFAULT_HEARTBEAT_TIMEOUT_NS;
    private long sessionTimeoutNs = DEFAULT_SESSION_TIMEOUT_NS;
    private int termLength = DEFAULT_TERM_LENGTH;
    private Path engineConfig;

    /**
     * Checks every value.
     *
     * @return this.
     * @throws IllegalArgumentException naming the key of a missing or invalid value.
     */
    public ClusterContext conclude()
    {
        require(null != directory, "dir must be set");
        require(basePort > 0 && basePort + ClusterMember.PORTS_PER_MEMBER * members.size() <= 65535,
            "basePort must leave room for " + members.size() + " members below 65536: " + basePort);
        require(!members.isEmpty(), "members must list at least one member");
        for (int i = 0; i < members.size(); i++)
        {
            require(members.get(i).id() == i, "members must have ids 0 to " + (members.size() - 1) + " in order");
        }
        require(heartbeatIntervalNs > 0, "heartbeatIntervalNs must be positive: " + heartbeatIntervalNs);
        require(heartbeatTimeoutNs > heartbeatIntervalNs,
            "heartbeatTimeoutNs must exceed heartbeatIntervalNs: " + heartbeatTimeoutNs);
        require(electionTimeoutNs > 0, "electionTimeoutNs must be positive: " + electionTimeoutNs);
        require(sessionTimeoutNs > heartbeatTimeoutNs, "sessionTimeoutNs must exceed heartbeatTimeoutNs: " +
            sessionTimeoutNs);
        require(termLength >= 64 * 1024 && Integer.bitCount(termLength) == 1,
            "termLength must be a power of two of at least 65536: " + termLength);
        return this;
    }

    /** The member with this id. */
    public ClusterMember member(final int memberId)
    {
        if (memberId < 0 || memberId >= members.size())
        {
            throw new IllegalArgumentException("cluster " + clusterId + " has no member " + memberId +
                " (members 0 to " + (members.size() - 1) + ")");
        }
        return members.get(memberId);
    }

    /** Directory of a member. */
    public Path memberDir(final int memberId)
    {
        return directory.resolve("member-" + memberId);
    }

    /** Engine journal of a member. */
    public Path journalDir(final int memberId)
    {
        return memberDir(memberId).resolve("journal");
    }

    /** All members in Aeron's cluster members format ({@code member|member|...}). */
    public String aeronMembers()
    {
        final StringBuilder members = new StringBuilder();
        for (final ClusterMember member : this.members)
        {
            members.append(members.isEmpty() ? "" : "|").append(member.aeronMember());
        }
        return members.toString();
    }

    /** Ingress endpoints for a cluster client, {@code id=host:port,...}. */
    public String ingressEndpoints()
    {
        final StringBuilder endpoints = new StringBuilder();
        for (final ClusterMember member : members)
        {
            endpoints.append(endpoints.isEmpty() ? "" : ",").append(member.id()).append('=')
                .append(member.endpoint(ClusterMember.INGRESS_PORT_OFFSET));
        }
        return endpoints.toString();
    }

    public int clusterId()
    {
        return clusterId;
    }

    public ClusterContext clusterId(final int value)
    {
        clusterId = value;
        return this;
    }

    public Path directory()
    {
        return directory;
    }

    public ClusterContext directory(final Path value)
    {
        directory = value;
        return this;
    }

    public int basePort()
    {
        return basePort;
    }

    public ClusterContext basePort(final int value)
    {
        basePort = value;
        return this;
    }

    public List<ClusterMember> members()
    {
        return members;
    }

    public ClusterContext members(final List<ClusterMember> value)
    {
        members = List.copyOf(value);
        return this;
    }

    public long electionTimeoutNs()
    {
        return electionTimeoutNs;
    }

    public ClusterContext electionTimeoutNs(final long value)
    {
        electionTimeoutNs = value;
        return this;
    }

    public long heartbeatIntervalNs()
    {
        return heartbeatIntervalNs;
    }

    public ClusterContext heartbeatIntervalNs(final long value)
    {
        heartbeatIntervalNs = value;
        return this;
    }

    public long heartbeatTimeoutNs()
    {
        return heartbeatTimeoutNs;
    }

    public ClusterContext heartbeatTimeoutNs(final long value)
    {
        heartbeatTimeoutNs = value;
        return this;
    }

    public long sessionTimeoutNs()
    {
        return sessionTimeoutNs;
    }

    public ClusterContext sessionTimeoutNs(final long value)
    {
        sessionTimeoutNs = value;
        return this;
    }

    public int termLength()
    {
        return termLength;
    }

    public ClusterContext termLength(final int value)
    {
        termLength = value;
        return this;
    }

    /** The logic's configuration file (hedgeflow YAML), null for the built-in one. */
    public Path engineConfig()
    {
        return engineConfig;
    }

    public ClusterContext engineConfig(final Path value)
    {
        engineConfig = value;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
