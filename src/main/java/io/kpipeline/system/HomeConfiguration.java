package io.kpipeline.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Prepares {@code $KPI_HOME} before anything writes into it, with the embedded database or without. */
@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

    @Bean
    KpiHome kpiHome(KpiProperties properties) {
        return KpiHome.prepare(properties.home(), properties.files().groupReadable());
    }
}
