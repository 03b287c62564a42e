package io.kpipeline.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connector/J settings the pipeline relies on with any server, embedded or external: batched
 * inserts become multi-row statements, and date-time values pass unchanged (they are business-local
 * times, not instants). Applied to every Hikari pool before its first connection; every pool then
 * fails fast once its database is known to be gone (see {@link FailFastDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionSettings {

    @Bean
    static BeanPostProcessor connectorSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.addDataSourceProperty("rewriteBatchedStatements", "true");
                    pool.addDataSourceProperty("cachePrepStmts", "true");
                    pool.addDataSourceProperty("useLocalSessionState", "true");
                    pool.addDataSourceProperty("preserveInstants", "false");
                    pool.addDataSourceProperty("characterEncoding", "UTF-8");
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof HikariDataSource pool
                        ? new FailFastDataSource(pool, Duration.ofMillis(pool.getConnectionTimeout())) : bean;
            }
        };
    }
}
