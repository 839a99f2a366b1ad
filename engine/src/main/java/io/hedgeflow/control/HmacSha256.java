package io.hedgeflow.control;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256, garbage-free: {@code javax.crypto.Mac.doFinal} allocates its result
 * on every call, this writes into the caller's array, so a flood of forged datagrams costs the poller no garbage.
 * Checked against {@code javax.crypto.Mac} and RFC 4231's test vectors. Not thread-safe.
 */
final class HmacSha256
{
    /** Length of the code, bytes. */
    static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    HmacSha256(final byte[] key)
    {
        inner = sha256();
        outer = sha256();
        final byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        for (int i = 0; i < BLOCK; i++)
        {
            final byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte)(b ^ 0x36);
            outerPad[i] = (byte)(b ^ 0x5c);
        }
    }

    /** Starts a code: feed the message with {@link #update}, then {@link #finish}. */
    void begin()
    {
        inner.reset();
        inner.update(innerPad);
    }

    void update(final byte[] message, final int offset, final int length)
    {
        inner.update(message, offset, length);
    }

    /** Writes the {@link #LENGTH}-byte code of the message fed since {@link #begin} into out at offset. */
    void finish(final byte[] out, final int offset)
    {
        try
        {
            inner.digest(innerHash, 0, LENGTH);
            outer.reset();
            outer.update(outerPad);
            outer.update(innerHash);
            outer.digest(out, offset, LENGTH);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException("SHA-256 digest failed", ex);
        }
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("the JDK has no SHA-256", ex);
        }
    }
}
