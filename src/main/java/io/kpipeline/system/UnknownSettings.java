package io.kpipeline.system;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses a setting under {@code kpi.} that no configuration record binds, in a configuration file or on the
 * command line: a misspelt key ({@code recipents}) would otherwise be ignored silently and its default used.
 * The message names the key, file and line and the closest known key at that place.
 */
@Component
@NeedsNoDatabase
class UnknownSettings implements InitializingBean {

    private static final String PREFIX = "kpi";
    /** Settings read from the environment directly, not through a record ({@link PasswordSettings}). */
    private static final List<String> READ_DIRECTLY = List.of(PasswordSettings.DATABASE_FILE,
            PasswordSettings.MAIL_FILE);

    private final ApplicationContext context;
    private final ConfigurableEnvironment environment;

    UnknownSettings(ApplicationContext context, ConfigurableEnvironment environment) {
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        Node known = knownSettings();
        Set<String> problems = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            boolean given = source instanceof OriginTrackedMapPropertySource
                    || "commandLineArgs".equals(source.getName());
            if (!given || !(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String key : enumerable.getPropertyNames()) {
                if (key.startsWith(PREFIX + ".")) {
                    known.problem(key, () -> origin(source, key)).ifPresent(problems::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ". Correct the key (the shipped"
                    + " config/application.yml lists every setting with its default) and run again.");
        }
    }

    /** " (in config/application.yml, line 4)" or " (on the command line)". */
    private static String origin(PropertySource<?> source, String key) {
        Origin origin = OriginLookup.getOrigin(source, key);
        return origin != null ? Origins.describe(origin) : " (on the command line)";
    }

    /** Every key the records under {@code kpi} bind, as a tree. */
    private Node knownSettings() {
        Node root = new Node();
        for (String name : context.getBeanNamesForAnnotation(ConfigurationProperties.class)) {
            Class<?> type = context.getType(name);
            ConfigurationProperties annotation = type == null ? null
                    : AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
            String prefix = annotation == null ? "" : annotation.prefix();
            if (prefix.equals(PREFIX) || prefix.startsWith(PREFIX + ".")) {
                root.path(prefix).add(type);
            }
        }
        READ_DIRECTLY.forEach(root::path);
        return root;
    }

    /** The known keys below one element: named children, any map key, or list indexes. */
    private static final class Node {

        private final Map<String, Node> children = new TreeMap<>();
        private Node anyKey;
        private Node element;

        Node path(String key) {
            Node node = this;
            ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
            for (int i = 0; i < name.getNumberOfElements(); i++) {
                node = node.children.computeIfAbsent(name.getElement(i, Form.DASHED), n -> new Node());
            }
            return node;
        }

        void add(Type type) {
            Class<?> raw = raw(type);
            if (Map.class.isAssignableFrom(raw)) {
                anyKey = anyKey == null ? new Node() : anyKey;
                anyKey.add(argument(type, 1));
            } else if (Collection.class.isAssignableFrom(raw)) {
                element = element == null ? new Node() : element;
                element.add(argument(type, 0));
            } else if (raw.isRecord()) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    String dashed = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                            .toLowerCase(Locale.ROOT);
                    children.computeIfAbsent(dashed, n -> new Node()).add(component.getGenericType());
                }
            }
        }

        /** Why {@code key} is no setting, or empty when a record binds it. */
        Optional<String> problem(String key, Supplier<String> origin) {
            ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
            Node node = this;
            for (int i = 0; i < name.getNumberOfElements(); i++) {
                String part = name.getElement(i, Form.DASHED);
                Node next = name.isNumericIndex(i) && node.element != null ? node.element
                        : node.children.containsKey(part) ? node.children.get(part)
                        : uniform(node, name.getElement(i, Form.UNIFORM));
                if (next == null && node.anyKey != null) {
                    next = node.anyKey;
                }
                if (next == null) {
                    return Optional.of("setting " + key + origin.get() + " is not known" + node.suggestion(part));
                }
                node = next;
            }
            return Optional.empty();
        }

        /** A child written without its dashes (maxAttempts, maxattempts). */
        private static Node uniform(Node node, String uniform) {
            return node.children.entrySet().stream().filter(e -> e.getKey().replace("-", "").equals(uniform))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        private String suggestion(String part) {
            if (children.isEmpty()) {
                return " (the setting above it takes a value, not settings of its own)";
            }
            String closest = children.keySet().stream()
                    .min(Comparator.comparingInt((String known) -> distance(known, part))).orElseThrow();
            if (distance(closest, part) <= Math.max(2, part.length() / 3)) {
                return " (did you mean `" + closest + "`?)";
            }
            return " (known here: " + String.join(", ", new ArrayList<>(children.keySet())) + ")";
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** Levenshtein distance: the fewest single-character edits from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
