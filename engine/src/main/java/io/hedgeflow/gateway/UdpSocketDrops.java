package io.hedgeflow.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Datagrams the kernel dropped on the UDP sockets bound to a local port (receive buffer full), from the
 * {@code drops} column of /proc/net/udp and /proc/net/udp6 (Linux). Reads files: for {@code hedgeflow stat} and
 * other off-hot-path readers, never the poller. Sockets sharing the port (SO_REUSEADDR) are summed.
 */
public final class UdpSocketDrops
{
    private static final Path[] TABLES = {Path.of("/proc/net/udp"), Path.of("/proc/net/udp6")};
    private static final int LOCAL_ADDRESS = 1;
    private static final int DROPS = 12;

    private UdpSocketDrops()
    {
    }

    /** Kernel drops on sockets bound to the port; -1 when no table is readable or no socket has the port. */
    public static long read(final int port)
    {
        long drops = -1;
        for (final Path table : TABLES)
        {
            try
            {
                final long found = parse(Files.readString(table), port);
                drops = found < 0 ? drops : Math.max(drops, 0) + found;
            }
            catch (final IOException ex)
            {
                // not Linux, or no IPv6: the other table may still answer
            }
        }
        return drops;
    }

    /** Sums the drops of the lines of a /proc/net/udp table whose local port is the given one; -1 if none. */
    static long parse(final String table, final int port)
    {
        long drops = -1;
        final String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++)
        {
            final String[] fields = lines[i].trim().split("\\s+");
            if (fields.length > DROPS)
            {
                final String local = fields[LOCAL_ADDRESS];
                if (Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == port)
                {
                    drops = Math.max(drops, 0) + Long.parseLong(fields[DROPS]);
                }
            }
        }
        return drops;
    }
}
