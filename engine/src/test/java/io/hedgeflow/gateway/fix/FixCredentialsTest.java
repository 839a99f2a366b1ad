package io.hedgeflow.gateway.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.hedgeflow.gateway.fix.FixTestSupport.CLIENT_ID;
import static io.hedgeflow.gateway.fix.FixTestSupport.SECRET;
import static io.hedgeflow.gateway.fix.FixTestSupport.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixCredentialsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoadAnOwnerOnlyFileAndShowOnlyTheClientId()
    {
        final FixCredentials credentials = FixCredentials.load(credentials(dir, "c", SECRET, "rw-------"));

        assertEquals(CLIENT_ID, credentials.clientId());
        assertFalse(credentials.toString().contains(SECRET));
    }

    @Test
    void shouldRefuseAGroupOrWorldReadableFileNamingItButNotTheSecret()
    {
        for (final String permissions : new String[] { "rw-r-----", "rw----r--" })
        {
            final Path file = credentials(dir, "open-" + permissions, SECRET, permissions);
            final IllegalArgumentException ex =
                assertThrows(IllegalArgumentException.class, () -> FixCredentials.load(file));
            assertTrue(ex.getMessage().contains(file.toString()), ex.getMessage());
            assertFalse(ex.getMessage().contains(SECRET));
        }
    }

    @Test
    void shouldRefuseAMalformedLineNamingTheFileAndLine() throws Exception
    {
        final Path file = dir.resolve("bad");
        Files.writeString(file, "client_id=a\nsecret=" + SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> FixCredentials.load(file));

        assertTrue(ex.getMessage().contains(file + ", line 2"), ex.getMessage());
        assertFalse(ex.getMessage().contains(SECRET));
    }

    @Test
    void shouldVerifyOnlyTheSignatureOfTheSameRawDataAndSecret()
    {
        final FixCredentials credentials = FixCredentials.load(credentials(dir, "c", SECRET, "rw-------"));
        final FixCredentials other = FixCredentials.load(credentials(dir, "o", SECRET + "x", "rw-------"));
        final String rawData = DeribitSignature.rawData(1_700_000_000_000L);

        assertTrue(rawData.startsWith("1700000000000."));
        assertTrue(DeribitSignature.verify(credentials, rawData, credentials.sign(rawData)));
        assertFalse(DeribitSignature.verify(credentials, rawData, other.sign(rawData)));
        assertFalse(DeribitSignature.verify(credentials, rawData + "0", credentials.sign(rawData)));
    }
}
