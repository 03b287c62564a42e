package io.kpipeline.delivery;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Named groups of addresses ({@code kpi.roles.<role>}) that recipient lists refer to as
 * {@code role:<role>}, so that a change of staff is one edit however many reports a person receives.
 */
@Validated
@ConfigurationProperties("kpi")
record RoleSettings(@NotNull @DefaultValue Map<String, List<String>> roles) {
}
