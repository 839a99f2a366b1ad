package io.hedgeflow.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlKeyTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-----w-", "rw--w----", "rwx--x---", "r--r--r--"})
    void shouldRefuseAKeyFileWithAnyGroupOrWorldPermission(final String mode) throws Exception
    {
        final Path file = TestKeys.write(dir.resolve("key"), TestKeys.SECRET, mode);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ControlKey.load(file));
        assertEquals(file + ": mode " + mode + " gives group or others access to the control key; chmod 600 it",
            ex.getMessage());
    }

    @Test
    void shouldReadAnOwnerOnlyKeyWithoutItsNewlineAndNeverShowIt() throws Exception
    {
        final Path file = TestKeys.write(dir.resolve("key"), TestKeys.SECRET, "r--------");
        final ControlKey key = ControlKey.load(file);
        assertEquals("ControlKey[64 bytes, not shown]", key.toString());
        assertFalse(key.toString().contains(TestKeys.SECRET.substring(0, 8)));
    }

    @Test
    void shouldRefuseAShortKeyAMissingFileADirectoryAndALink() throws Exception
    {
        final Path shortKey = TestKeys.write(dir.resolve("short"), "0123456789", "rw-------");
        assertMessage(shortKey, shortKey + ": a control key needs at least 16 bytes, e.g. openssl rand -hex 32");
        assertMessage(dir.resolve("missing"), dir.resolve("missing") + ": not a regular file (a control key file " +
            "is needed)");
        assertMessage(dir, dir + ": not a regular file (a control key file is needed)");
        final Path link = Files.createSymbolicLink(dir.resolve("link"),
            TestKeys.write(dir.resolve("key"), TestKeys.SECRET, "rw-------"));
        assertMessage(link, link + ": not a regular file (a control key file is needed)");
    }

    private static void assertMessage(final Path file, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ControlKey.load(file));
        assertEquals(message, ex.getMessage());
        assertTrue(ex.getCause() == null);
    }
}
