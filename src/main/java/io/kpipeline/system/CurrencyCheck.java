package io.kpipeline.system;

import java.util.Currency;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses a {@code kpi.currency} that has the form of an ISO 4217 code but is none (XYZ): the reports would
 * otherwise fail on it while rendering, with an error that names no setting.
 */
@Component
@NeedsNoDatabase
class CurrencyCheck implements InitializingBean {

    private final KpiProperties properties;
    private final Environment environment;

    CurrencyCheck(KpiProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            Currency.getInstance(properties.currency());
        } catch (IllegalArgumentException e) {
            String key = "kpi.currency";
            throw KpiException.configuration("setting " + key + " = " + properties.currency()
                    + Origins.of(environment, key) + " is not an ISO 4217 currency; write one like EUR, USD or CHF.");
        }
    }
}
