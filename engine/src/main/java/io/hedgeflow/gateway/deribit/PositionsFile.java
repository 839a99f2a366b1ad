package io.hedgeflow.gateway.deribit;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static io.hedgeflow.gateway.deribit.YamlNodes.field;
import static io.hedgeflow.gateway.deribit.YamlNodes.line;
import static io.hedgeflow.gateway.deribit.YamlNodes.lineOf;
import static io.hedgeflow.gateway.deribit.YamlNodes.number;
import static io.hedgeflow.gateway.deribit.YamlNodes.parse;
import static io.hedgeflow.gateway.deribit.YamlNodes.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the positions of an account: the JSON of Deribit's {@code private/get_positions} (the whole response or its
 * {@code result} array; {@code instrument_name}, {@code size}, {@code direction}, {@code kind},
 * {@code average_price} are read, other fields ignored) or a CSV of {@code instrument,size} lines (a header line
 * and {@code #} comments allowed). Sizes are Deribit's: USD for inverse futures and perpetuals, the coin for
 * options, spot and linear contracts; negative is short. Any problem (not JSON or CSV, a missing or non-numeric
 * field, a size whose sign contradicts {@code direction}, a name that is not a Deribit instrument name, the same
 * instrument twice) is a {@link PositionsException} naming file, line and field.
 */
public final class PositionsFile
{
    private PositionsFile()
    {
    }

    /** One position as the file gives it. */
    public record Position(String instrument, double size, String kind, double averagePrice, int line)
    {
    }

    /** Reads and validates the file; positions in file order. */
    public static List<Position> read(final Path file)
    {
        final String text = YamlNodes.read(file, "Deribit get_positions JSON or instrument,size CSV");
        final String trimmed = text.stripLeading();
        final List<Position> positions = trimmed.startsWith("{") || trimmed.startsWith("[") ?
            json(file, text) : csv(file, text);
        final Map<String, Integer> seen = new HashMap<>();
        for (final Position position : positions)
        {
            final Integer first = seen.putIfAbsent(position.instrument(), position.line());
            if (first != null)
            {
                throw new PositionsException(file, position.line(), "instrument_name",
                    "duplicate position in " + position.instrument() + " (first on line " + first + ")");
            }
        }
        return positions;
    }

    private static List<Position> csv(final Path file, final String text)
    {
        final List<Position> positions = new ArrayList<>();
        final String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++)
        {
            final String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equalsIgnoreCase("instrument,size")))
            {
                continue;
            }
            final String[] fields = line.split(",", -1);
            if (fields.length != 2)
            {
                throw new PositionsException(file, i + 1, "line", "expected instrument,size: " + line);
            }
            final String name = instrument(file, i + 1, fields[0].strip());
            positions.add(new Position(name, number(file, i + 1, "size", fields[1].strip()), null, Double.NaN, i + 1));
        }
        return positions;
    }

    private static List<Position> json(final Path file, final String text)
    {
        final Node root = parse(file, text, "JSON");
        final Node result = root instanceof MappingNode response ? field(response, "result") : root;
        if (!(result instanceof SequenceNode array))
        {
            throw new PositionsException(file, line(root), "result", "expected an array of positions");
        }
        final List<Position> positions = new ArrayList<>();
        for (final Node item : array.getValue())
        {
            if (!(item instanceof MappingNode position))
            {
                throw new PositionsException(file, line(item), "result", "expected a position object");
            }
            positions.add(position(file, position));
        }
        return positions;
    }

    private static Position position(final Path file, final MappingNode node)
    {
        final int line = line(node);
        final String name = instrument(file, line, text(file, node, "instrument_name", true));
        final double size = number(file, lineOf(node, "size"), "size", text(file, node, "size", true));
        final String direction = text(file, node, "direction", false);
        if (direction != null && (direction.equals("buy") && size < 0.0 || direction.equals("sell") && size > 0.0))
        {
            throw new PositionsException(file, lineOf(node, "direction"), "direction",
                "'" + direction + "' contradicts size " + size);
        }
        final String price = text(file, node, "average_price", false);
        return new Position(name, size, text(file, node, "kind", false),
            price == null ? Double.NaN : number(file, lineOf(node, "average_price"), "average_price", price), line);
    }

    private static String instrument(final Path file, final int line, final String name)
    {
        if (!DeribitNames.isInstrumentName(name))
        {
            throw new PositionsException(file, line, "instrument_name",
                "not a Deribit instrument name: '" + name + "'");
        }
        return name;
    }
}
