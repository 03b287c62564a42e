package io.kpipeline.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component that works without the database: the settings' checks and what they need. Besides
 * the application, the settings-only context ({@link io.kpipeline.SettingsOnly}) holds these and the
 * configuration records, so that {@code check-config}, {@code kpis} and {@code generate --csv} answer
 * in about a second without starting a database, and a command's arguments are checked before one starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NeedsNoDatabase {
}
