package io.hedgeflow.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The secret that signs operator commands, read from a file only its owner may read or write: a file with any group
 * or world permission bit, a link, a directory or fewer than {@link #MIN_LENGTH} bytes is refused with a message that
 * names the file and never its content. The key is the file's bytes without trailing white space (so
 * {@code openssl rand -hex 32 > FILE} works). {@link #toString()} never shows it.
 */
public final class ControlKey
{
    /** Shortest key accepted, in bytes. */
    public static final int MIN_LENGTH = 16;

    private static final Set<PosixFilePermission> GROUP_OR_WORLD = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] key;

    private ControlKey(final byte[] key)
    {
        this.key = key;
    }

    /**
     * Reads and checks a key file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it (never the key).
     */
    public static ControlKey load(final Path file)
    {
        try
        {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
            {
                throw new IllegalArgumentException(file + ": not a regular file (a control key file is needed)");
            }
            final Set<PosixFilePermission> permissions =
                Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!Collections.disjoint(permissions, GROUP_OR_WORLD))
            {
                throw new IllegalArgumentException(file + ": mode " + PosixFilePermissions.toString(permissions) +
                    " gives group or others access to the control key; chmod 600 it");
            }
            final byte[] bytes = Files.readAllBytes(file);
            int length = bytes.length;
            while (length > 0 && Character.isWhitespace(bytes[length - 1]))
            {
                length--;
            }
            final byte[] key = Arrays.copyOf(bytes, length);
            Arrays.fill(bytes, (byte)0);
            if (key.length < MIN_LENGTH)
            {
                throw new IllegalArgumentException(file + ": a control key needs at least " + MIN_LENGTH +
                    " bytes, e.g. openssl rand -hex 32");
            }
            return new ControlKey(key);
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            throw new IllegalArgumentException(file + ": control key cannot be read: " + ex.getClass().getSimpleName());
        }
    }

    /** A new HMAC-SHA256 keyed with this key. */
    HmacSha256 newHmac()
    {
        return new HmacSha256(key);
    }

    public String toString()
    {
        return "ControlKey[" + key.length + " bytes, not shown]";
    }
}
