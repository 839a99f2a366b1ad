package io.hedgeflow.gateway.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * A venue account read from a credentials file of two lines, {@code client_id=...} and {@code client_secret=...}.
 * The file must be readable by its owner only. The secret stays inside this object: it is used to sign a logon
 * ({@link #sign}) and never returned, printed or put in an exception message; {@link #toString} shows the client id.
 */
public final class FixCredentials
{
    private static final String CLIENT_ID = "client_id=";
    private static final String CLIENT_SECRET = "client_secret=";

    private final String clientId;
    private final byte[] secret;

    private FixCredentials(final String clientId, final byte[] secret)
    {
        this.clientId = clientId;
        this.secret = secret;
    }

    /**
     * Reads and checks a credentials file.
     *
     * @throws IllegalArgumentException naming the file (and never the secret) when it is unreadable, readable by
     *                                  group or others, or malformed.
     */
    public static FixCredentials load(final Path file)
    {
        final List<String> lines;
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) ||
                permissions.contains(PosixFilePermission.OTHERS_READ))
            {
                throw new IllegalArgumentException("credentials file " + file +
                    " is readable by group or others: make it owner-only (chmod 600)");
            }
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " +
                ex.getClass().getSimpleName());
        }
        String clientId = null;
        byte[] secret = null;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            if (line.startsWith(CLIENT_ID))
            {
                clientId = line.substring(CLIENT_ID.length());
            }
            else if (line.startsWith(CLIENT_SECRET))
            {
                secret = line.substring(CLIENT_SECRET.length()).getBytes(StandardCharsets.US_ASCII);
            }
            else if (!line.isEmpty())
            {
                throw new IllegalArgumentException("credentials file " + file + ", line " + (i + 1) +
                    ": expected client_id=... or client_secret=...");
            }
        }
        if (clientId == null || clientId.isEmpty() || secret == null || secret.length == 0)
        {
            throw new IllegalArgumentException("credentials file " + file +
                ": needs a non-empty client_id and client_secret");
        }
        return new FixCredentials(clientId, secret);
    }

    /** The account's client id, sent as Username (553) at logon. */
    public String clientId()
    {
        return clientId;
    }

    /** Deribit's logon signature of rawData with this account's secret. */
    public String sign(final String rawData)
    {
        return DeribitSignature.password(rawData, secret);
    }

    public String toString()
    {
        return "FixCredentials[clientId=" + clientId + "]";
    }
}
