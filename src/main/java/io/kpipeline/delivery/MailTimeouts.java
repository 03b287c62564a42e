package io.kpipeline.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Jakarta Mail waits forever by default for a server that accepts the connection and then says
 * nothing; a scheduled report would hang with it. Unless {@code spring.mail.properties} sets them,
 * connecting, reading and writing time out after {@code kpi.delivery.timeout} (default 30 s), and
 * the failure is retried like any other transient one.
 */
@Configuration(proxyBeanMethods = false)
class MailTimeouts {

    private static final List<String> KEYS = List.of("connectiontimeout", "timeout", "writetimeout");

    @Bean
    static BeanPostProcessor mailTimeoutDefaults(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    Duration timeout = environment.getProperty("kpi.delivery.timeout", Duration.class,
                            Duration.ofSeconds(30));
                    Properties properties = sender.getJavaMailProperties();
                    for (String protocol : List.of("smtp", "smtps")) {
                        for (String key : KEYS) {
                            properties.putIfAbsent("mail." + protocol + "." + key, Long.toString(timeout.toMillis()));
                        }
                    }
                }
                return bean;
            }
        };
    }
}
