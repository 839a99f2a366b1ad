package io.hedgeflow.cluster;

import org.agrona.collections.Int2IntHashMap;

import java.util.List;

/**
 * The clusters of a configuration file and the sharding map: which cluster hedges which underlying (one cluster per
 * group of underlyings that hedge together). An underlying the map does not name goes to the first cluster.
 *
 * @param clusters the clusters, in file order, with distinct ids.
 * @param shards   underlying id to cluster id.
 */
public record ClusterTopology(List<ClusterContext> clusters, Int2IntHashMap shards)
{
    /** The cluster with this id. */
    public ClusterContext cluster(final int clusterId)
    {
        for (final ClusterContext cluster : clusters)
        {
            if (cluster.clusterId() == clusterId)
            {
                return cluster;
            }
        }
        throw new IllegalArgumentException("no cluster " + clusterId);
    }

    /** The cluster with this id, or the first one when the id is negative (the command line's default). */
    public ClusterContext clusterOrFirst(final int clusterId)
    {
        return clusterId < 0 ? clusters.getFirst() : cluster(clusterId);
    }

    /** Id of the cluster that hedges an underlying. */
    public int clusterOf(final int underlyingId)
    {
        final int clusterId = shards.get(underlyingId);
        return clusterId != shards.missingValue() ? clusterId : clusters.getFirst().clusterId();
    }
}
