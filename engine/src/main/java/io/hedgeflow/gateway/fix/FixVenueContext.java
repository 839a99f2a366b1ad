package io.hedgeflow.gateway.fix;

import java.io.File;

/**
 * Configuration of a {@link FixVenue}, validated by {@link #conclude()}.
 */
public final class FixVenueContext
{
    private int port = -1;
    private FixCredentials credentials;
    private File dir;
    private int fillSlices = 1;
    private boolean duplicateTradeReports;

    /** Checks the configuration. */
    public FixVenueContext conclude()
    {
        if (port <= 0 || port > 65_535)
        {
            throw new IllegalArgumentException("venue FIX port must be in 1..65535: " + port);
        }
        if (credentials == null)
        {
            throw new IllegalArgumentException("venue needs the credentials it checks logons against");
        }
        if (dir == null)
        {
            throw new IllegalArgumentException("venue needs a directory for its Artio and Aeron files");
        }
        if (fillSlices < 1)
        {
            throw new IllegalArgumentException("venue fill slices must be at least 1: " + fillSlices);
        }
        return this;
    }

    /** TCP port the venue accepts FIX sessions on. */
    public FixVenueContext port(final int port)
    {
        this.port = port;
        return this;
    }

    public int port()
    {
        return port;
    }

    /** The account whose logon signatures the venue accepts. */
    public FixVenueContext credentials(final FixCredentials credentials)
    {
        this.credentials = credentials;
        return this;
    }

    public FixCredentials credentials()
    {
        return credentials;
    }

    /** Directory of the venue's Artio, archive and Aeron files. */
    public FixVenueContext dir(final File dir)
    {
        this.dir = dir;
        return this;
    }

    public File dir()
    {
        return dir;
    }

    /** Number of trades a marketable order is filled in (partial fills, then the last fill). */
    public FixVenueContext fillSlices(final int fillSlices)
    {
        this.fillSlices = fillSlices;
        return this;
    }

    public int fillSlices()
    {
        return fillSlices;
    }

    /** Fault injection: send every trade report twice, as a venue replaying its reports would. */
    public FixVenueContext duplicateTradeReports(final boolean duplicateTradeReports)
    {
        this.duplicateTradeReports = duplicateTradeReports;
        return this;
    }

    public boolean duplicateTradeReports()
    {
        return duplicateTradeReports;
    }
}
