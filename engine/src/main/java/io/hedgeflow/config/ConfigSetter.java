package io.hedgeflow.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Applies one {@code key: value} of a section to its context through the context's setter of that name: the
 * setter's parameter type (double, long, int, boolean, an enum, or int... for lists) decides how the value is read.
 * A context made of parts (PolicyContext) has its parts' setters too: those, of the object a public no-argument
 * method of the context returns, that return the context. Underscores in numbers are allowed (250_000).
 */
final class ConfigSetter
{
    private ConfigSetter()
    {
    }

    static void apply(
        final Path file, final String section, final Object target, final String key, final Node keyNode,
        final Node value)
    {
        final String dotted = section + "." + key;
        final Class<?> owner = target.getClass();
        final Method part = setter(owner, owner, key) == null ? part(owner, key) : null;
        final Method setter = setter(part == null ? owner : part.getReturnType(), owner, key);
        if (setter == null)
        {
            throw new ConfigException(file, ConfigFile.line(keyNode), dotted, "unknown key (see docs/configuration.md)");
        }
        final Object argument;
        try
        {
            argument = convert(file, setter.getParameterTypes()[0], value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(file, ConfigFile.line(value), dotted, ex.getMessage());
        }
        try
        {
            setter.invoke(part == null ? target : part.invoke(target), argument);
        }
        catch (final IllegalAccessException | InvocationTargetException ex)
        {
            throw new ConfigException(file, ConfigFile.line(value), dotted, "cannot be set: " + ex);
        }
    }

    /** The setter of key on type that returns the context (of type owner), or null. */
    private static Method setter(final Class<?> type, final Class<?> owner, final String key)
    {
        for (final Method method : type.getMethods())
        {
            if (method.getName().equals(key) && method.getParameterCount() == 1 &&
                method.getReturnType() == owner && isSupported(method.getParameterTypes()[0]))
            {
                return method;
            }
        }
        return null;
    }

    /** The method of the context (of type owner) returning the part that has key's setter, or null. */
    private static Method part(final Class<?> owner, final String key)
    {
        for (final Method method : owner.getMethods())
        {
            final Class<?> type = method.getReturnType();
            if (method.getParameterCount() == 0 && type != owner && !type.isPrimitive() && !type.isEnum() &&
                setter(type, owner, key) != null)
            {
                return method;
            }
        }
        return null;
    }

    private static boolean isSupported(final Class<?> type)
    {
        return type == double.class || type == long.class || type == int.class || type == boolean.class ||
            type.isEnum() || type == int[].class;
    }

    private static Object convert(final Path file, final Class<?> type, final Node value)
    {
        if (type == int[].class)
        {
            if (!(value instanceof SequenceNode list))
            {
                throw new IllegalArgumentException("must be a list of integers, like [7, 14, 30]");
            }
            return list.getValue().stream().mapToInt(n -> (int)integer(ConfigFile.scalar(file, n, "list item"),
                Integer.MIN_VALUE, Integer.MAX_VALUE)).toArray();
        }
        if (!(value instanceof ScalarNode scalar))
        {
            throw new IllegalArgumentException("must be a single value");
        }
        final String text = scalar.getValue().trim();
        if (type == double.class)
        {
            return decimal(text);
        }
        if (type == long.class)
        {
            return integer(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == int.class)
        {
            return (int)integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == boolean.class)
        {
            return switch (text.toLowerCase(Locale.ROOT))
            {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("must be true or false, was '" + text + "'");
            };
        }
        return enumValue(type, text);
    }

    private static double decimal(final String text)
    {
        try
        {
            return Double.parseDouble(text.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("must be a number, was '" + text + "'");
        }
    }

    private static long integer(final String text, final long min, final long max)
    {
        try
        {
            final long value = Long.parseLong(text.replace("_", ""));
            if (value < min || value > max)
            {
                throw new IllegalArgumentException("out of range: " + text);
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("must be an integer, was '" + text + "'");
        }
    }

    private static Object enumValue(final Class<?> type, final String text)
    {
        final StringBuilder names = new StringBuilder();
        for (final Object constant : type.getEnumConstants())
        {
            final String name = ((Enum<?>)constant).name();
            if (name.equalsIgnoreCase(text))
            {
                return constant;
            }
            names.append(names.isEmpty() ? "" : ", ").append(name);
        }
        throw new IllegalArgumentException("must be one of " + names + ", was '" + text + "'");
    }
}
