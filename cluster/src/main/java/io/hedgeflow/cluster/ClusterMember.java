package io.hedgeflow.cluster;

/**
 * One member of a cluster: its id and host; every port derives from the cluster's base port,
 * {@code basePort + PORTS_PER_MEMBER * id + offset}, one offset per Aeron endpoint.
 *
 * @param id       member id, 0 to members - 1.
 * @param host     host name or address the other members and the clients reach it on.
 * @param basePort the cluster's base port.
 */
public record ClusterMember(int id, String host, int basePort)
{
    /** Ports reserved per member. */
    public static final int PORTS_PER_MEMBER = 10;
    /** Clients' ingress. */
    public static final int INGRESS_PORT_OFFSET = 0;
    /** Consensus traffic between members. */
    public static final int CONSENSUS_PORT_OFFSET = 1;
    /** The replicated log. */
    public static final int LOG_PORT_OFFSET = 2;
    /** Catch-up of a lagging member. */
    public static final int CATCHUP_PORT_OFFSET = 3;
    /** Archive control requests. */
    public static final int ARCHIVE_PORT_OFFSET = 4;
    /** Archive replication (log and snapshot transfers). */
    public static final int REPLICATION_PORT_OFFSET = 5;

    /** Port of this member at an offset. */
    public int port(final int offset)
    {
        return basePort + PORTS_PER_MEMBER * id + offset;
    }

    /** {@code host:port} at an offset. */
    public String endpoint(final int offset)
    {
        return host + ":" + port(offset);
    }

    /** This member in Aeron's cluster members format: {@code id,ingress,consensus,log,catchup,archive}. */
    public String aeronMember()
    {
        return id + "," + endpoint(INGRESS_PORT_OFFSET) + "," + endpoint(CONSENSUS_PORT_OFFSET) + "," +
            endpoint(LOG_PORT_OFFSET) + "," + endpoint(CATCHUP_PORT_OFFSET) + "," + endpoint(ARCHIVE_PORT_OFFSET);
    }
}
