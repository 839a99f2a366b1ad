/**
 * HedgeLogic replicated with Aeron Cluster (Raft over Aeron): the configuration of a cluster
 * ({@link io.hedgeflow.cluster.ClusterConfigFile}, {@link io.hedgeflow.cluster.ClusterContext}), the wire protocol
 * between clients and the cluster ({@link io.hedgeflow.cluster.ClusterProtocol}), the clustered service hosting the
 * unchanged {@link io.hedgeflow.logic.HedgeLogic} and the node that runs one member. docs/cluster.md describes the
 * deployment and the failure cases.
 */
package io.hedgeflow.cluster;
