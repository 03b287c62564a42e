package io.kpipeline.system;

import java.io.IOException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;

/** Where a setting came from, as a user reads it: a file and line, or the command line. */
public final class Origins {

    private Origins() {
    }

    /**
     * " (in config/targets.yml, line 24)" for the setting {@code key}, or "" when unknown. An element
     * of a list ({@code recipients[0]}) comes from the first source that sets the list, element by
     * element or as one comma-separated value ({@code --recipients=a,b} on the command line).
     */
    public static String of(Environment environment, String key) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        ConfigurationPropertyName list = name.isLastElementIndexed() ? name.getParent() : null;
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property == null && list != null) {
                property = source.getConfigurationProperty(list);
            }
            if (property != null) {
                return describe(property.getOrigin());
            }
        }
        return "";
    }

    /** " (in config/application.yml, line 12)", " (on the command line)", or "" when unknown. */
    public static String describe(Origin origin) {
        while (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) {
            origin = wrapper.getOrigin();
        }
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            String name;
            try {
                name = text.getResource().getFile().getPath();
            } catch (IOException | RuntimeException e) {
                name = text.getResource().getDescription();
            }
            return " (in " + name + (text.getLocation() == null ? "" : ", line " + (text.getLocation().getLine() + 1))
                    + ")";
        }
        if (origin instanceof PropertySourceOrigin source) {
            return "commandLineArgs".equals(source.getPropertySource().getName())
                    ? " (on the command line)" : " (from " + source.getPropertySource().getName() + ")";
        }
        return origin == null ? "" : " (from " + origin + ")";
    }
}
