package io.hedgeflow.cluster;

import io.hedgeflow.config.ConfigException;
import io.hedgeflow.config.ConfigFile;
import org.agrona.collections.Int2IntHashMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a cluster configuration ({@code cluster.yaml}, docs/cluster.md) into a {@link ClusterTopology}. Relative
 * paths are relative to the file's directory. Any problem is a {@link ConfigException} naming file, line and key.
 * <pre>
 * engineConfig: hedgeflow.yaml        # the logic's configuration; optional, default built-in
 * consensus:                          # optional; these are the defaults
 *   electionTimeoutNs: 1_000_000_000
 *   heartbeatIntervalNs: 100_000_000
 *   heartbeatTimeoutNs: 2_000_000_000
 *   sessionTimeoutNs: 10_000_000_000
 *   termLength: 65536
 * clusters:
 *   - id: 0
 *     dir: .                          # member N in DIR/member-N
 *     basePort: 20000                 # member N: basePort + 10 N + 0 ingress, 1 consensus, 2 log, 3 catchup, ...
 *     members: [{id: 0, host: localhost}, {id: 1, host: localhost}, {id: 2, host: localhost}]
 * shards: {1: 0, 2: 0}                # underlying id: cluster id; optional, unlisted underlyings: first cluster
 * </pre>
 */
public final class ClusterConfigFile
{
    private final Path file;
    private final Path base;
    private final ClusterContext consensus = new ClusterContext();
    private Path engineConfig;

    private ClusterConfigFile(final Path file)
    {
        this.file = file;
        final Path parent = file.toAbsolutePath().getParent();
        this.base = parent != null ? parent : Path.of(".").toAbsolutePath();
    }

    /** Reads and validates a cluster configuration file. */
    public static ClusterTopology load(final Path file)
    {
        return new ClusterConfigFile(file).load(ConfigFile.parse(file));
    }

    private ClusterTopology load(final MappingNode root)
    {
        SequenceNode clusters = null;
        MappingNode shards = null;
        final Set<String> seen = new HashSet<>();
        for (final NodeTuple section : root.getValue())
        {
            final String name = ConfigFile.scalar(file, section.getKeyNode(), "section name");
            if (!seen.add(name))
            {
                throw error(section.getKeyNode(), name, "section given twice");
            }
            final Node value = section.getValueNode();
            switch (name)
            {
                case "engineConfig" -> engineConfig = base.resolve(ConfigFile.scalar(file, value, name));
                case "consensus" -> consensus(mapping(value, name));
                case "clusters" -> clusters = value instanceof SequenceNode list ? list :
                    fail(value, name, "must be a list of clusters");
                case "shards" -> shards = mapping(value, name);
                default -> throw error(section.getKeyNode(), name,
                    "unknown section (expected engineConfig, consensus, clusters or shards)");
            }
        }
        if (clusters == null || clusters.getValue().isEmpty())
        {
            throw error(root, "clusters", "at least one cluster must be given");
        }
        final List<ClusterContext> contexts = new ArrayList<>();
        for (final Node cluster : clusters.getValue())
        {
            contexts.add(cluster(mapping(cluster, "clusters"), contexts));
        }
        final ClusterTopology topology = new ClusterTopology(contexts, new Int2IntHashMap(-1));
        if (shards != null)
        {
            shards(shards, topology);
        }
        return topology;
    }

    private void consensus(final MappingNode keys)
    {
        for (final NodeTuple key : keys.getValue())
        {
            final String name = ConfigFile.scalar(file, key.getKeyNode(), "key");
            final String dotted = "consensus." + name;
            final Node value = key.getValueNode();
            switch (name)
            {
                case "electionTimeoutNs" -> consensus.electionTimeoutNs(number(value, dotted, 1, Long.MAX_VALUE));
                case "heartbeatIntervalNs" -> consensus.heartbeatIntervalNs(number(value, dotted, 1, Long.MAX_VALUE));
                case "heartbeatTimeoutNs" -> consensus.heartbeatTimeoutNs(number(value, dotted, 1, Long.MAX_VALUE));
                case "sessionTimeoutNs" -> consensus.sessionTimeoutNs(number(value, dotted, 1, Long.MAX_VALUE));
                case "termLength" -> consensus.termLength((int)number(value, dotted, 65536, 1 << 30));
                default -> throw error(key.getKeyNode(), dotted, "unknown key (expected electionTimeoutNs, " +
                    "heartbeatIntervalNs, heartbeatTimeoutNs, sessionTimeoutNs or termLength)");
            }
        }
    }

    private ClusterContext cluster(final MappingNode keys, final List<ClusterContext> earlier)
    {
        final ClusterContext ctx = new ClusterContext()
            .electionTimeoutNs(consensus.electionTimeoutNs())
            .heartbeatIntervalNs(consensus.heartbeatIntervalNs())
            .heartbeatTimeoutNs(consensus.heartbeatTimeoutNs())
            .sessionTimeoutNs(consensus.sessionTimeoutNs())
            .termLength(consensus.termLength())
            .engineConfig(engineConfig)
            .clusterId(earlier.size());
        final String prefix = "clusters[" + earlier.size() + "].";
        Node members = null;
        for (final NodeTuple key : keys.getValue())
        {
            final String name = ConfigFile.scalar(file, key.getKeyNode(), "key");
            final Node value = key.getValueNode();
            switch (name)
            {
                case "id" -> ctx.clusterId((int)number(value, prefix + name, 0, Integer.MAX_VALUE));
                case "dir" -> ctx.directory(base.resolve(ConfigFile.scalar(file, value, prefix + name)).normalize());
                case "basePort" -> ctx.basePort((int)number(value, prefix + name, 1, 65535));
                case "members" -> members = value;
                default -> throw error(key.getKeyNode(), prefix + name,
                    "unknown key (expected id, dir, basePort or members)");
            }
        }
        for (final ClusterContext other : earlier)
        {
            if (other.clusterId() == ctx.clusterId())
            {
                throw error(keys, prefix + "id", "cluster id " + ctx.clusterId() + " given twice");
            }
        }
        if (!(members instanceof SequenceNode list))
        {
            throw error(members != null ? members : keys, prefix + "members", "must be a list of members");
        }
        ctx.members(members(list, ctx.basePort(), prefix + "members"));
        try
        {
            return ctx.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(keys, prefix.substring(0, prefix.length() - 1), ex.getMessage());
        }
    }

    private List<ClusterMember> members(final SequenceNode list, final int basePort, final String key)
    {
        final List<ClusterMember> members = new ArrayList<>();
        for (final Node node : list.getValue())
        {
            int id = -1;
            String host = null;
            for (final NodeTuple field : mapping(node, key).getValue())
            {
                final String name = ConfigFile.scalar(file, field.getKeyNode(), "key");
                switch (name)
                {
                    case "id" -> id = (int)number(field.getValueNode(), key + ".id", 0, 255);
                    case "host" -> host = ConfigFile.scalar(file, field.getValueNode(), key + ".host");
                    default -> throw error(field.getKeyNode(), key + "." + name, "unknown key (expected id or host)");
                }
            }
            if (id != members.size() || host == null || host.isBlank())
            {
                throw error(node, key, "each member needs id (0, 1, 2 ... in order) and host");
            }
            members.add(new ClusterMember(id, host.trim(), basePort));
        }
        return members;
    }

    private void shards(final MappingNode shards, final ClusterTopology topology)
    {
        for (final NodeTuple shard : shards.getValue())
        {
            final int underlying = (int)number(shard.getKeyNode(), "shards", 0, Integer.MAX_VALUE);
            final int clusterId = (int)number(shard.getValueNode(), "shards." + underlying, 0, Integer.MAX_VALUE);
            if (topology.shards().containsKey(underlying))
            {
                throw error(shard.getKeyNode(), "shards." + underlying, "underlying given twice");
            }
            try
            {
                topology.cluster(clusterId);
            }
            catch (final IllegalArgumentException ex)
            {
                throw error(shard.getValueNode(), "shards." + underlying, ex.getMessage());
            }
            topology.shards().put(underlying, clusterId);
        }
    }

    private long number(final Node node, final String key, final long min, final long max)
    {
        final String text = ConfigFile.scalar(file, node, key).trim().replace("_", "");
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw error(node, key, "must be an integer: " + text);
        }
        if (value < min || value > max)
        {
            throw error(node, key, "must be between " + min + " and " + max + ": " + value);
        }
        return value;
    }

    private MappingNode mapping(final Node node, final String key)
    {
        return node instanceof MappingNode mapping ? mapping : fail(node, key, "must be a mapping of keys");
    }

    private <T> T fail(final Node node, final String key, final String problem)
    {
        throw error(node, key, problem);
    }

    private ConfigException error(final Node node, final String key, final String problem)
    {
        return new ConfigException(file, ConfigFile.line(node), key, problem);
    }
}
