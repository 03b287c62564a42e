package io.kpipeline.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pipeline's own settings ({@code kpi.*} in {@code config/application.yml}).
 *
 * @param home     where the embedded database, reports and outbox live ({@code KPI_HOME}, default {@code ./var})
 * @param config   the configuration directory in use ({@link ConfigDirectory}: {@code --config}, {@code KPI_CONFIG},
 *                 {@code $KPI_HOME/config} or {@code ./config}); null when the shipped defaults apply throughout.
 *                 Chosen before the files are read, so a configuration file cannot set it.
 * @param zone     the business time zone in which all timestamps of the data are read
 * @param currency the business currency, ISO 4217
 * @param embedded settings of the embedded database server
 * @param files    who may read the files the pipeline writes
 * @param computeThreads how many KPI computations of a report run at once, each on its own database
 *                 connection: the database server spreads them over its cores
 */
@Validated
@ConfigurationProperties("kpi")
public record KpiProperties(
        @NotNull @DefaultValue("./var") Path home,
        Path config,
        @NotNull @DefaultValue("Europe/Berlin") ZoneId zone,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code like EUR")
        @DefaultValue("EUR") String currency,
        @Valid @NotNull @DefaultValue Embedded embedded,
        @Valid @NotNull @DefaultValue FileAccess files,
        @Min(value = 1, message = "must be between 1 and 16") @Max(value = 16, message = "must be between 1 and 16")
        @DefaultValue("2") int computeThreads) {

    /**
     * @param lockWait how long a second process waits for the first to release the embedded database
     * @param bufferPool the InnoDB buffer pool of the embedded server, e.g. {@code 512M}; its redo log is a
     *                   quarter of it
     * @param binaries   where the server's binaries are unpacked (about 80 MB); null: beside its data in
     *                   {@code $KPI_HOME/db}. Several homes of one user may share a directory.
     */
    public record Embedded(
            @NotNull @DurationMin(nanos = 0, message = "must be 0 or more") @DefaultValue("30s") Duration lockWait,
            @NotNull @Pattern(regexp = "[0-9]+[KMG]", message = "must be a size like 512M or 2G")
            @DefaultValue("512M") String bufferPool,
            Path binaries) {
    }

    /**
     * @param groupReadable whether the group of {@code $KPI_HOME} may read the reports and the outbox
     *                      (directories 750, files 640) rather than the owner alone (700, 600); the
     *                      embedded database stays the owner's alone either way
     */
    public record FileAccess(@DefaultValue("false") boolean groupReadable) {
    }
}
