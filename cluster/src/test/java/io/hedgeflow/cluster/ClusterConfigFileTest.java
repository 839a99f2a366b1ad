package io.hedgeflow.cluster;

import io.hedgeflow.cli.HedgeflowTool;
import io.hedgeflow.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClusterConfigFileTest
{
    private static final String THREE = """
        clusters:
          - id: 0
            dir: .
            basePort: 20000
            members: [{id: 0, host: localhost}, {id: 1, host: localhost}, {id: 2, host: 10.0.0.3}]
        """;

    @TempDir
    Path dir;

    @Test
    void shouldDeriveDirectoriesAndPortsFromTheFile() throws IOException
    {
        final ClusterTopology topology = ClusterConfigFile.load(write(THREE));
        final ClusterContext cluster = topology.cluster(0);

        assertEquals(dir.resolve("member-2").resolve("journal"), cluster.journalDir(2));
        assertEquals("2,10.0.0.3:20020,10.0.0.3:20021,10.0.0.3:20022,10.0.0.3:20023,10.0.0.3:20024",
            cluster.member(2).aeronMember());
        assertEquals("0=localhost:20000,1=localhost:20010,2=10.0.0.3:20020", cluster.ingressEndpoints());
        assertEquals(ClusterContext.DEFAULT_HEARTBEAT_TIMEOUT_NS, cluster.heartbeatTimeoutNs());
        assertEquals(ClusterContext.DEFAULT_TERM_LENGTH, cluster.termLength());
        assertNull(cluster.engineConfig());
        assertEquals(0, topology.clusterOf(7));
    }

    @Test
    void shouldReadConsensusTimeoutsShardsAndTheEngineConfiguration() throws IOException
    {
        final ClusterTopology topology = ClusterConfigFile.load(write("""
            engineConfig: ../hedgeflow.yaml
            consensus:
              heartbeatTimeoutNs: 3_000_000_000
              termLength: 131072
            clusters:
              - {id: 4, dir: a, basePort: 21000, members: [{id: 0, host: h0}]}
              - {id: 5, dir: b, basePort: 22000, members: [{id: 0, host: h1}]}
            shards: {1: 4, 2: 5}
            """));

        assertEquals(3_000_000_000L, topology.cluster(5).heartbeatTimeoutNs());
        assertEquals(131072, topology.cluster(4).termLength());
        assertEquals(dir.resolve("b"), topology.cluster(5).directory());
        assertEquals(dir.resolve("../hedgeflow.yaml"), topology.cluster(4).engineConfig());
        assertEquals(5, topology.clusterOf(2));
        assertEquals(4, topology.clusterOf(3));
    }

    @Test
    void shouldNameFileLineAndKeyOfABadValue() throws IOException
    {
        final Path file = write(THREE.replace("basePort: 20000", "basePort: twenty"));

        final ConfigException ex = assertThrows(ConfigException.class, () -> ClusterConfigFile.load(file));

        assertEquals(file + ":4: key 'clusters[0].basePort': must be an integer: twenty", ex.getMessage());
    }

    @Test
    void shouldRefuseMembersOutOfOrderAndShardsToUnknownClusters() throws IOException
    {
        final Path members = write(THREE.replace("{id: 1, host: localhost}", "{id: 3, host: localhost}"));
        assertEquals(members + ":5: key 'clusters[0].members': each member needs id (0, 1, 2 ... in order) and host",
            assertThrows(ConfigException.class, () -> ClusterConfigFile.load(members)).getMessage());

        final Path shards = write(THREE + "shards: {1: 9}\n");
        assertEquals(shards + ":6: key 'shards.1': no cluster 9",
            assertThrows(ConfigException.class, () -> ClusterConfigFile.load(shards)).getMessage());
    }

    @Test
    void shouldLoadTheExampleConfiguration()
    {
        final Path file = Path.of(System.getProperty("hedgeflow.root"), "config", "cluster.yaml");

        final ClusterContext cluster = ClusterConfigFile.load(file).cluster(0);

        assertEquals(3, cluster.members().size());
        assertEquals(file.getParent().resolve("hedgeflow.yaml"), cluster.engineConfig());
    }

    @Test
    void shouldExitTwoWithOneLineOnABadConfigurationOfANode() throws IOException
    {
        final Path file = write(THREE.replace("basePort: 20000", "basePort: 70000"));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();

        final int code = HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(err), "cluster", "node",
            "--member", "1", "--config", file.toString());

        assertEquals(HedgeflowTool.EXIT_BAD_INPUT, code);
        assertEquals("hedgeflow cluster node: " + file + ":4: key 'clusters[0].basePort': must be between 1 and 65535: " +
            "70000" + System.lineSeparator(), err.toString());
    }

    private Path write(final String text) throws IOException
    {
        return Files.writeString(dir.resolve("cluster.yaml"), text);
    }
}
