package io.kpipeline.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock of the business time zone: "today", "the latest complete week" are read from it. */
@Configuration(proxyBeanMethods = false)
@NeedsNoDatabase
class ClockConfiguration {

    @Bean
    Clock clock(KpiProperties properties) {
        return Clock.system(properties.zone());
    }
}
