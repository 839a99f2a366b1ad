package io.hedgeflow.config;

import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.risk.LimitsContext;
import io.hedgeflow.sim.SimContext;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Loads a YAML configuration file into an {@link EngineContext}. Sections {@code logic}, {@code limits},
 * {@code engine} and {@code sim}; each key is the name of a setter of the section's context (the table of keys is
 * docs/configuration.md). Every section a file gives starts from the built-in {@link Defaults}, except
 * {@code limits}, which must be complete (fail closed). Any problem is a {@link ConfigException} naming file, line
 * and key.
 * <pre>
 * logic:
 *   deltaBandUsd: 250000
 * limits:
 *   maxOrderQuantity: 200000
 *   ...
 * </pre>
 */
public final class ConfigFile
{
    private ConfigFile()
    {
    }

    /** Reads and validates a configuration file; the journal directory is left to the caller. */
    public static EngineContext load(final Path file)
    {
        final MappingNode root = parse(file);
        final LimitsContext limits = new LimitsContext();
        final LogicContext logic = Defaults.logicContext().limits(limits);
        final SimContext sim = new SimContext();
        final EngineContext engine = new EngineContext().logicContext(logic).simContext(sim);
        final Map<String, Object> sections = Map.of("logic", logic, "limits", limits, "engine", engine, "sim", sim);
        int limitsLine = line(root);
        final Set<String> seen = new HashSet<>();
        for (final NodeTuple section : root.getValue())
        {
            final String name = scalar(file, section.getKeyNode(), "section name");
            final Object target = sections.get(name);
            if (target == null)
            {
                throw new ConfigException(file, line(section.getKeyNode()), name,
                    "unknown section (expected logic, limits, engine or sim)");
            }
            if (!(section.getValueNode() instanceof MappingNode keys))
            {
                throw new ConfigException(file, line(section.getValueNode()), name, "must be a mapping of keys");
            }
            limitsLine = "limits".equals(name) ? line(section.getKeyNode()) : limitsLine;
            if (!seen.add(name))
            {
                throw new ConfigException(file, line(section.getKeyNode()), name, "section given twice");
            }
            for (final NodeTuple key : keys.getValue())
            {
                final String keyName = scalar(file, key.getKeyNode(), "key");
                if (!seen.add(name + "." + keyName))
                {
                    throw new ConfigException(file, line(key.getKeyNode()), name + "." + keyName, "key given twice");
                }
                ConfigSetter.apply(file, name, target, keyName, key.getKeyNode(), key.getValueNode());
            }
        }
        conclude(file, root, engine, limitsLine);
        return engine;
    }

    private static void conclude(final Path file, final MappingNode root, final EngineContext engine, final int limitsLine)
    {
        conclude(file, root, "limits", engine.logicContext().limits()::conclude, limitsLine);
        conclude(file, root, "logic", engine.logicContext()::conclude, 1);
        conclude(file, root, "sim", engine.simContext()::conclude, 1);
        conclude(file, root, "engine", engine.journalDir(Path.of("."))::conclude, 1);
    }

    /** Runs a context's validation; its message starts with the key (SimContext: "invalid SimContext.key: ..."). */
    private static void conclude(
        final Path file, final MappingNode root, final String section, final Runnable check, final int fallbackLine)
    {
        try
        {
            check.run();
        }
        catch (final IllegalArgumentException ex)
        {
            final String message = ex.getMessage().replaceFirst("^invalid SimContext\\.([A-Za-z]+):", "$1 is invalid:");
            final String key = message.split(" ", 2)[0].replaceFirst("^" + section + "\\.", "");
            final String dotted = section + "." + key;
            throw new ConfigException(file, lineOf(root, dotted, fallbackLine), dotted,
                message.substring(message.indexOf(' ') + 1));
        }
    }

    /** Line of a dotted key (section.key) in the file, or the fallback line when the key is absent. */
    private static int lineOf(final MappingNode root, final String dottedKey, final int fallback)
    {
        final String[] parts = dottedKey.split("\\.", 2);
        for (final NodeTuple section : root.getValue())
        {
            if (section.getKeyNode() instanceof ScalarNode name && name.getValue().equals(parts[0]) &&
                parts.length == 2 && section.getValueNode() instanceof MappingNode keys)
            {
                for (final NodeTuple key : keys.getValue())
                {
                    if (key.getKeyNode() instanceof ScalarNode k && k.getValue().equals(parts[1]))
                    {
                        return line(key.getKeyNode());
                    }
                }
            }
        }
        return fallback;
    }

    private static MappingNode parse(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(file, 0, "", "no such configuration file");
        }
        try (Reader reader = Files.newBufferedReader(file))
        {
            final Optional<Node> node = new Compose(LoadSettings.builder().setLabel(file.toString()).build())
                .composeReader(reader);
            if (node.isEmpty() || !(node.get() instanceof MappingNode root))
            {
                throw new ConfigException(file, 1, "", "must be a YAML mapping of sections");
            }
            return root;
        }
        catch (final MarkedYamlEngineException ex)
        {
            final int line = ex.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigException(file, line, "", "not valid YAML: " + ex.getProblem());
        }
        catch (final YamlEngineException ex)
        {
            throw new ConfigException(file, 0, "", "not valid YAML: " + ex.getMessage());
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file, 0, "", "cannot be read: " + ex.getMessage());
        }
    }

    static String scalar(final Path file, final Node node, final String what)
    {
        if (node instanceof ScalarNode s)
        {
            return s.getValue();
        }
        throw new ConfigException(file, line(node), "", what + " must be a plain value" +
            (node instanceof SequenceNode ? ", not a list" : ""));
    }

    static int line(final Node node)
    {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
