package io.kpipeline.cli;

import io.kpipeline.system.KpiException;
import io.kpipeline.system.Origins;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * What the user reads when a command fails: one line that names the problem and what to do, and
 * the exit status. The full trace stays available with {@code --verbose}.
 */
record Failure(String message, int exitCode, boolean hasDetails) {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERRUPTED = 130;

    static Failure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof KpiException k) {
                // a usage or configuration error says all the user needs; its cause is a trace for no one
                return k.isConfigurationProblem() ? new Failure(k.getMessage(), USAGE, false)
                        : new Failure(k.getMessage(), FAILED, k.getCause() != null);
            }
            if (t instanceof BindException b) {
                if (b.getCause() instanceof BindValidationException v) {
                    return new Failure(describe(v), USAGE, false);
                }
                return new Failure(describe(b), USAGE, false);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return new Failure("The database reported: " + sql.getMessage()
                        + " Check spring.datasource.url, username and password, and that the server is running.",
                        FAILED, true);
            }
        }
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new Failure(text, FAILED, true);
    }

    private static String describe(BindValidationException e) {
        return e.getValidationErrors().getAllErrors().stream().map(error -> {
            // as the setting is written: a record component maxDelay is the key max-delay
            String name = e.getValidationErrors().getName() + "."
                    + (error instanceof FieldError field ? settingName(field.getField()) : error.getObjectName());
            Object value = error instanceof FieldError field ? field.getRejectedValue() : null;
            return "setting " + name + (value == null ? "" : " = " + shown(value)) + " " + error.getDefaultMessage()
                    + Origins.describe(origin(e, error, name));
        }).collect(Collectors.joining("; ")) + ". Correct the setting and run again.";
    }

    /** The error's origin, else that of the bound property of its name (a field of a nested record has none). */
    private static Origin origin(BindValidationException e, ObjectError error, String name) {
        Origin origin = Origin.from(error);
        if (origin != null || !ConfigurationPropertyName.isValid(name)) {
            return origin;
        }
        ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
        return e.getValidationErrors().getBoundProperties().stream().filter(p -> p.getName().equals(key))
                .map(ConfigurationProperty::getOrigin).findFirst().orElse(null);
    }
    /** A bound value as the user writes it: a duration as {@code 0s} or {@code -1m}, not {@code PT-1M}. */
    private static String shown(Object value) {
        if (value instanceof Duration d) {
            long millis = d.toMillis();
            for (var unit : List.of(Map.entry("d", 86_400_000L), Map.entry("h", 3_600_000L), Map.entry("m", 60_000L),
                    Map.entry("s", 1_000L))) {
                if (millis != 0 && millis % unit.getValue() == 0) {
                    return millis / unit.getValue() + unit.getKey();
                }
            }
            return millis == 0 ? "0s" : millis + "ms";
        }
        return String.valueOf(value);
    }

    /** A bound field as the setting is written: {@code freshness[weekly].minShare} is {@code freshness.weekly.min-share}. */
    static String settingName(String field) {
        Matcher camel = Pattern.compile("([a-z0-9])([A-Z])").matcher(field.replaceAll("\\[([^\\]]+)]", ".$1"));
        return camel.replaceAll(m -> m.group(1) + "-" + m.group(2).toLowerCase(Locale.ROOT));
    }

    private static String describe(BindException e) {
        String value = e.getProperty() == null ? "" : " = " + e.getProperty().getValue();
        Origin origin = e.getProperty() == null ? null : e.getProperty().getOrigin();
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // an enum's conversion error names the Java class; the user needs the values the setting takes
        Class<?> type = e.getTarget() == null ? null : e.getTarget().getType().resolve();
        String reason = type != null && type.isEnum() ? "write one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", ")) : cause == null ? null : cause.getMessage();
        return "setting " + e.getName() + value + " is not valid"
                + (reason == null ? "" : " (" + reason + ")")
                + Origins.describe(origin) + ". Correct the setting and run again.";
    }
}
