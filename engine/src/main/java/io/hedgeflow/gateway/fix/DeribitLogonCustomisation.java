package io.hedgeflow.gateway.fix;

import io.hedgeflow.gateway.fix.codecs.builder.LogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;

import java.nio.charset.StandardCharsets;

/**
 * Signs every logon the gateway sends in Deribit's way (client id, fresh timestamp.nonce RawData, signed Password)
 * and asks the venue to cancel the session's orders on disconnect (CancelOnDisconnect 9001=Y) unless configured
 * not to (orders then survive a crash, found again by the reconciliation after the next logon).
 */
public final class DeribitLogonCustomisation implements SessionCustomisationStrategy
{
    private final FixCredentials credentials;
    private final boolean cancelOnDisconnect;

    /** Signs logons for one account, asking for cancel-on-disconnect or not. */
    public DeribitLogonCustomisation(final FixCredentials credentials, final boolean cancelOnDisconnect)
    {
        this.credentials = credentials;
        this.cancelOnDisconnect = cancelOnDisconnect;
    }

    public void configureLogon(final AbstractLogonEncoder logon, final long sessionId)
    {
        final LogonEncoder encoder = (LogonEncoder)logon;
        final String rawData = DeribitSignature.rawData(System.currentTimeMillis());
        final byte[] raw = rawData.getBytes(StandardCharsets.US_ASCII);
        encoder.rawDataLength(raw.length).rawData(raw);
        encoder.username(credentials.clientId());
        encoder.password(credentials.sign(rawData));
        encoder.cancelOnDisconnect(cancelOnDisconnect);
    }

    public void configureLogout(final AbstractLogoutEncoder logout, final long sessionId)
    {
    }
}
