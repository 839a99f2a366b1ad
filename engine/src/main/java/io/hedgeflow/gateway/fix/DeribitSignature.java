package io.hedgeflow.gateway.fix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Deribit's FIX logon signature: RawData (96) is {@code timestamp.nonce} (milliseconds since the epoch, a base64
 * random nonce) and Password (554) is base64(SHA-256(RawData ++ secret)). Runs once per logon, not per message.
 */
public final class DeribitSignature
{
    private static final int NONCE_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeribitSignature()
    {
    }

    /** A fresh RawData for a logon sent at epochMs. */
    public static String rawData(final long epochMs)
    {
        final byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return epochMs + "." + Base64.getEncoder().encodeToString(nonce);
    }

    /** base64(SHA-256(rawData ++ secret)). */
    static String password(final String rawData, final byte[] secret)
    {
        final MessageDigest digest = sha256();
        digest.update(rawData.getBytes(StandardCharsets.US_ASCII));
        digest.update(secret);
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    /** Whether password is the signature of rawData with the credentials' secret (constant-time comparison). */
    public static boolean verify(final FixCredentials credentials, final String rawData, final String password)
    {
        return MessageDigest.isEqual(
            credentials.sign(rawData).getBytes(StandardCharsets.US_ASCII),
            password.getBytes(StandardCharsets.US_ASCII));
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
