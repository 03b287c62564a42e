package io.kpipeline;

import io.kpipeline.system.NeedsNoDatabase;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;

/**
 * The settings without the database: every configuration record of the pipeline, bound and validated,
 * and the components marked {@link NeedsNoDatabase} (the settings' checks), plus the mail sender that
 * {@code spring.mail.*} describes. {@code check-config}, {@code kpis} and {@code generate --csv} run on it
 * alone. Not a {@code @Configuration}, so that the application's own component scan leaves it out.
 */
@ConfigurationPropertiesScan("io.kpipeline")
@ComponentScan(basePackages = "io.kpipeline", useDefaultFilters = false,
        includeFilters = @Filter(NeedsNoDatabase.class))
@ImportAutoConfiguration(MailSenderAutoConfiguration.class)
public class SettingsOnly {
}
