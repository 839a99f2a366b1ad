package io.hedgeflow.gateway.fix;

import io.hedgeflow.gateway.fix.codecs.decoder.LogonDecoder;
import uk.co.real_logic.artio.decoder.AbstractLogonDecoder;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.nio.charset.StandardCharsets;

/**
 * The venue's logon check: Username (553) must be the configured client id and Password (554) Deribit's signature
 * of RawData (96) with the configured secret. Refused logons are counted; the engine disconnects them.
 */
public final class DeribitAuthenticationStrategy implements AuthenticationStrategy
{
    private final FixCredentials credentials;
    private volatile long accepted;
    private volatile long refused;
    private volatile boolean lastAskedCancelOnDisconnect;

    /** Checks logons against one account. */
    public DeribitAuthenticationStrategy(final FixCredentials credentials)
    {
        this.credentials = credentials;
    }

    public boolean authenticate(final AbstractLogonDecoder logon)
    {
        final LogonDecoder decoder = (LogonDecoder)logon;
        final boolean ok = decoder.hasRawData() && decoder.hasUsername() && decoder.hasPassword() &&
            credentials.clientId().equals(decoder.usernameAsString()) &&
            DeribitSignature.verify(credentials,
                new String(decoder.rawData(), 0, decoder.rawDataLength(), StandardCharsets.US_ASCII),
                decoder.passwordAsString());
        if (ok)
        {
            lastAskedCancelOnDisconnect = decoder.hasCancelOnDisconnect() && decoder.cancelOnDisconnect();
            accepted++;
        }
        else
        {
            refused++;
        }
        return ok;
    }

    /** Whether the last logon accepted asked for cancel-on-disconnect (9001=Y). */
    public boolean lastAskedCancelOnDisconnect()
    {
        return lastAskedCancelOnDisconnect;
    }

    /** Logons accepted. */
    public long accepted()
    {
        return accepted;
    }

    /** Logons refused (wrong client id or signature). */
    public long refused()
    {
        return refused;
    }
}
