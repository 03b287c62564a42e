package io.kpipeline.system;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup default: without {@code spring.datasource.url} the pipeline starts its own
 * MariaDB server under {@code $KPI_HOME/db}. With the URL set, Spring Boot's ordinary data source
 * takes over and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(KpiProperties properties, KpiHome home) {
        EmbeddedPlatform.current().requireSupported();
        Path db = home.directory().resolve("db");
        return EmbeddedMariaDb.start(db, properties.embedded().lockWait(), properties.embedded().bufferPool(),
                properties.embedded().binaries() == null ? db : properties.embedded().binaries());
    }

    /**
     * Closed by Spring before the server it depends on is stopped. The pool settings of an external server's
     * pool, {@code spring.datasource.hikari.*}, apply to this one too (connection-timeout among them).
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server) {
        // Not HikariDataSource(HikariConfig): that starts the pool before the connector settings apply.
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("embedded");
        pool.setDriverClassName("com.mysql.cj.jdbc.Driver");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        pool.setPassword(server.password());
        // Five reports may run at once in the scheduler, each holding its step's connection and taking a second
        // for the delivery ledger's own transactions, beside Quartz's: as many as Spring Boot gives an external
        // server's pool by default. Two stay open while idle.
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(2);
        // The embedded server is our own child process, so the driver may answer its requests for local
        // data; LoadDataBuffer hands it rows from memory, never a file.
        pool.addDataSourceProperty("allowLoadLocalInfile", "true");
        return pool;
    }
}
