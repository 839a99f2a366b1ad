package io.hedgeflow.cluster.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Credentials files and free ports for the cluster tests that route orders to the FIX test venue.
 */
final class ClusterFixSupport
{
    private ClusterFixSupport()
    {
    }

    /** A credentials file in dir for client id clientId (secret clientId-s3cret), readable by its owner only. */
    static Path credentials(final Path dir, final String clientId) throws IOException
    {
        final Path file = dir.resolve("credentials");
        Files.writeString(file, "client_id=" + clientId + "\nclient_secret=" + clientId + "-s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
