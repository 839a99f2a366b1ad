package io.hedgeflow.cli;

import io.hedgeflow.gateway.fix.FixCredentials;
import io.hedgeflow.gateway.fix.FixVenue;
import io.hedgeflow.gateway.fix.FixVenueContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.hedgeflow.gateway.fix.FixTestSupport.filesContaining;
import static io.hedgeflow.gateway.fix.FixTestSupport.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --orders-to fix://} against the in-process FIX test venue, and the credentials file checks.
 */
@Timeout(120)
class FixCommandsTest extends CommandTest
{
    private static final String SECRET = "cli-s3cret-Hq2Wd8";

    @TempDir
    Path dir;

    @Test
    void shouldSendTheHedgeOrdersToTheFixVenueApplyItsFillsAndReplayIdentically() throws IOException
    {
        final Path credentials = credentials("rw-------");
        final int port = freePort();
        try (FixVenue venue = new FixVenue(new FixVenueContext().port(port).fillSlices(2)
            .credentials(FixCredentials.load(credentials)).dir(dir.resolve("venue").toFile())))
        {
            final Path capture = dir.resolve("feed.cap");
            assertEquals(0, run("record", "--events", "20000", "--output", capture.toString()), err.toString());
            final Path journal = dir.resolve("journal");
            assertEquals(0, run("run", "--feed", "file:" + capture, "--orders-to",
                "fix://localhost:" + port, "--credentials", credentials.toString(),
                "--journal", journal.toString(), "--format", "json"), err.toString());

            final long orders = field("orders");
            assertTrue(orders > 0, out.toString());
            assertEquals(2 * orders, field("fills"), "each order filled in two trades");
            assertEquals(orders, venue.ordersReceived());
            assertEquals(1, venue.logonsAccepted());
            assertFalse(out.toString().contains(SECRET));
            assertFalse(err.toString().contains(SECRET));
            assertEquals(List.of(), filesContaining(journal, SECRET));
            assertEquals(List.of(), filesContaining(dir.resolve("journal-fix"), SECRET));
            assertEquals(0, run("replay", journal.toString(), "--verify"), err.toString());
            assertTrue(out.toString().contains("identical"), out.toString());
        }
    }

    @Test
    void shouldRefuseACredentialsFileReadableByOthersNamingIt()
    {
        final Path credentials = credentials("rw-r--r--");

        assertEquals(2, run("run", "--feed", "sim", "--events", "10", "--orders-to", "fix://localhost:1",
            "--credentials", credentials.toString(), "--journal", dir.resolve("j").toString()));

        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(credentials.toString()), err.toString());
        assertFalse(err.toString().contains(SECRET));
        assertFalse(Files.exists(dir.resolve("j-fix")));
    }

    private long field(final String name)
    {
        final Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(out.toString());
        assertTrue(matcher.find(), name + " in " + out);
        return Long.parseLong(matcher.group(1));
    }

    private Path credentials(final String permissions)
    {
        try
        {
            final Path file = dir.resolve("credentials");
            Files.writeString(file, "client_id=cli-test\nclient_secret=" + SECRET + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            return file;
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
