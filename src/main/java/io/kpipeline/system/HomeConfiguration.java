package io.kpipeline.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Prepares {@code $KPI_HOME} before anything writes into it, with the embedded database or without; check-config
 * so finds a home that is a file or not the user's.
 */
@Configuration(proxyBeanMethods = false)
@NeedsNoDatabase
class HomeConfiguration {

    @Bean
    KpiHome kpiHome(KpiProperties properties) {
        return KpiHome.prepare(properties.home(), properties.files().groupReadable());
    }
}
