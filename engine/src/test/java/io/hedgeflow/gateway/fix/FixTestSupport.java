package io.hedgeflow.gateway.fix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Credentials files, free ports, bounded polling and the secret search for the FIX tests.
 */
public final class FixTestSupport
{
    static final String CLIENT_ID = "hf-test-client";
    static final String SECRET = "s3cr3t-Xq9vTz4LmW2pR7";

    private FixTestSupport()
    {
    }

    static Path credentials(final Path dir, final String name, final String secret, final String permissions)
    {
        try
        {
            final Path file = dir.resolve(name);
            Files.writeString(file, "client_id=" + CLIENT_ID + "\nclient_secret=" + secret + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Polls the gateway until the condition holds; fails once the test's own timeout interrupts it. */
    static void pollUntil(final FixOrderGateway gateway, final BooleanSupplier condition)
    {
        while (!condition.getAsBoolean())
        {
            failIfInterrupted();
            if (gateway.poll() == 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    /** A polling loop ends when the test's timeout interrupts its thread (else the test would hang). */
    static void failIfInterrupted()
    {
        if (Thread.currentThread().isInterrupted())
        {
            throw new IllegalStateException("interrupted: the test's timeout passed");
        }
    }

    /** Files under dir whose bytes contain text (read in chunks: Aeron and archive files are large). */
    public static List<Path> filesContaining(final Path dir, final String text) throws IOException
    {
        final byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        final List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                if (contains(file, needle))
                {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static boolean contains(final Path file, final byte[] needle) throws IOException
    {
        final byte[] chunk = new byte[1 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file))
        {
            int read;
            while ((read = in.read(chunk, kept, chunk.length - kept)) > 0)
            {
                final int length = kept + read;
                if (indexOf(chunk, length, needle))
                {
                    return true;
                }
                kept = Math.min(needle.length - 1, length);
                System.arraycopy(chunk, length - kept, chunk, 0, kept);
            }
        }
        return false;
    }

    private static boolean indexOf(final byte[] haystack, final int length, final byte[] needle)
    {
        outer:
        for (int i = 0; i + needle.length <= length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
