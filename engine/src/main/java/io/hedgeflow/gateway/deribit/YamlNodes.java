package io.hedgeflow.gateway.deribit;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The node walking the account and positions files share: parse a JSON or YAML document into nodes that keep their
 * lines, read a key's scalar, and name the line of a key; every problem is a {@link PositionsException} naming file,
 * line and field.
 */
final class YamlNodes
{
    private YamlNodes()
    {
    }

    /**
     * The file's text; a file that is missing, a directory, unreadable or blank is an error naming it ("what" names
     * the expected content in the blank file's message).
     */
    static String read(final Path file, final String what)
    {
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw new PositionsException(file, "no such file");
        }
        catch (final IOException ex)
        {
            throw new PositionsException(file, Files.isDirectory(file) ? "is a directory, not a file" :
                "cannot read: " + (ex instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() :
                ex.getMessage()));
        }
        if (text.isBlank())
        {
            throw new PositionsException(file, "empty file (expected " + what + ")");
        }
        return text;
    }

    /** The document's root node; what names the accepted formats in the error ("JSON", "JSON or YAML"). */
    static Node parse(final Path file, final String text, final String what)
    {
        try (Reader reader = new StringReader(text))
        {
            return new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeReader(reader)
                .orElseThrow(() -> new PositionsException(file, 1, "file", "empty"));
        }
        catch (final MarkedYamlEngineException ex)
        {
            final int line = ex.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new PositionsException(file, line, "file", "not " + what + ": " + ex.getProblem());
        }
        catch (final YamlEngineException | IOException ex)
        {
            throw new PositionsException(file, 0, "file", "not " + what + ": " + ex.getMessage());
        }
    }

    /** The scalar of key; null when absent or null and not required; an error when required or not a scalar. */
    static String text(final Path file, final MappingNode node, final String key, final boolean required)
    {
        final Node value = field(node, key);
        final boolean isNull = value instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
        if (value == null || isNull)
        {
            if (required)
            {
                throw new PositionsException(file, value == null ? line(node) : line(value), key,
                    value == null ? "missing" : "null");
            }
            return null;
        }
        if (!(value instanceof ScalarNode scalar))
        {
            throw new PositionsException(file, line(value), key, "expected a single value");
        }
        return scalar.getValue();
    }

    /** A finite number, or an error naming the field. */
    static double number(final Path file, final int line, final String field, final String value)
    {
        try
        {
            final double number = Double.parseDouble(value.strip().replace("_", ""));
            if (Double.isFinite(number))
            {
                return number;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new PositionsException(file, line, field, "not a number: '" + value + "'");
    }

    /** The value node of key, or null. */
    static Node field(final MappingNode node, final String key)
    {
        for (final NodeTuple tuple : node.getValue())
        {
            if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key))
            {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    /** The line of key's value, else of the node. */
    static int lineOf(final MappingNode node, final String key)
    {
        final Node value = field(node, key);
        return value != null ? line(value) : line(node);
    }

    /** One-based line of a node, 0 when unknown. */
    static int line(final Node node)
    {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
