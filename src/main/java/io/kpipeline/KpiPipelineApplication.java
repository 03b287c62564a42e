package io.kpipeline;

import io.kpipeline.cli.Cli;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The KPI pipeline: imports CRM and marketing data, computes the agreed KPIs per period, renders
 * and delivers the reports. {@link #main} hands the command line to {@link Cli}, which starts the
 * Spring context only for commands that need it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableBatchProcessing
@EnableJdbcJobRepository(dataSourceRef = "dataSource", transactionManagerRef = "transactionManager")
public class KpiPipelineApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
