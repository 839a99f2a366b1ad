package io.hedgeflow.replay;

import io.hedgeflow.logic.HedgeLogic;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Logic snapshots in the journal directory, one file each, named by the ring sequence of the last input they
 * cover so they sort in order:
 * <pre>
 *   DIR/snapshots/snapshot-00000000000001000000.bin = [ HedgeLogic.snapshot bytes ][ SHA-256 of them, 32 bytes ]
 * </pre>
 * Written to a temporary file and renamed, so a crash never leaves a partial snapshot under its final name; a
 * snapshot whose digest does not match is ignored in favour of the one before.
 */
public final class SnapshotStore
{
    /** Directory inside the journal directory. */
    public static final String DIRECTORY = "snapshots";
    private static final int DIGEST_LENGTH = 32;

    private SnapshotStore()
    {
    }

    /** Writes a snapshot of the logic after the input of ring sequence lastRingSequence. */
    public static Path write(
        final Path journalDir, final HedgeLogic logic, final long lastRingSequence, final ExpandableArrayBuffer scratch)
    {
        final int length = logic.snapshot(scratch, 0, lastRingSequence);
        final byte[] bytes = Arrays.copyOf(scratch.byteArray(), length + DIGEST_LENGTH);
        final MessageDigest sha = sha256();
        sha.update(bytes, 0, length);
        System.arraycopy(sha.digest(), 0, bytes, length, DIGEST_LENGTH);
        try
        {
            final Path dir = Files.createDirectories(journalDir.resolve(DIRECTORY));
            final Path target = dir.resolve(String.format("snapshot-%020d.bin", lastRingSequence));
            final Path temporary = dir.resolve(target.getFileName() + ".tmp");
            Files.write(temporary, bytes);
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Restores a fresh logic from the latest intact snapshot of the journal directory that covers inputs before
     * ring sequence {@code before} only.
     *
     * @return the ring sequence of the last input it covers, or -1 when there is no such snapshot.
     */
    public static long restoreLatest(final Path journalDir, final HedgeLogic logic, final long before)
    {
        final Path dir = journalDir.resolve(DIRECTORY);
        if (!Files.isDirectory(dir))
        {
            return -1;
        }
        try (var files = Files.list(dir))
        {
            final List<Path> snapshots = files.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted()
                .toList();
            for (int i = snapshots.size() - 1; i >= 0; i--)
            {
                final String name = snapshots.get(i).getFileName().toString();
                final long covered = Long.parseLong(name.substring("snapshot-".length(), name.length() - 4));
                final byte[] bytes = covered < before ? Files.readAllBytes(snapshots.get(i)) : null;
                if (bytes != null && intact(bytes))
                {
                    return logic.restore(new UnsafeBuffer(bytes), 0, bytes.length - DIGEST_LENGTH);
                }
            }
            return -1;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean intact(final byte[] bytes)
    {
        if (bytes.length <= DIGEST_LENGTH)
        {
            return false;
        }
        final MessageDigest sha = sha256();
        sha.update(bytes, 0, bytes.length - DIGEST_LENGTH);
        return Arrays.equals(sha.digest(), Arrays.copyOfRange(bytes, bytes.length - DIGEST_LENGTH, bytes.length));
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
