package io.hedgeflow.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Control key files for tests: the secret, newline-terminated, in a file of the given mode. */
public final class TestKeys
{
    /** A key as {@code openssl rand -hex 32} prints it. */
    public static final String SECRET = "5f0c9a1e7b3d42c6a8e1f07d93b5c24e6a1d8f3b0c7e59a2d4f6b8c1e3a5d7f9";

    private TestKeys()
    {
    }

    public static Path write(final Path file, final String secret, final String mode) throws IOException
    {
        Files.writeString(file, secret + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    public static ControlKey load(final Path file, final String secret) throws IOException
    {
        return ControlKey.load(write(file, secret, "rw-------"));
    }
}
