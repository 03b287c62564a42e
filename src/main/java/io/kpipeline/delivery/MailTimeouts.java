package io.kpipeline.delivery;

import io.kpipeline.system.NeedsNoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Jakarta Mail waits forever by default for a server that accepts the connection and then says
 * nothing; a scheduled report would hang with it. Unless {@code spring.mail.properties} sets them,
 * connecting, reading and writing time out after {@code kpi.delivery.timeout} (default 30 s), and
 * the failure is retried like any other transient one. A server that answers each read just in time
 * (a greeting trickled line by line) is ended by the delivery's deadline instead: connections are
 * opened through {@link DeadlineSockets}, unless {@code spring.mail.properties} names a socket factory
 * of its own.
 */
@Configuration(proxyBeanMethods = false)
@NeedsNoDatabase
class MailTimeouts {

    private static final List<String> KEYS = List.of("connectiontimeout", "timeout", "writetimeout");

    /** Infrastructure: the post-processor below needs it before the other post-processors exist. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DeadlineSockets deadlineSockets() {
        return new DeadlineSockets();
    }

    @Bean
    static BeanPostProcessor mailTimeoutDefaults(Environment environment, DeadlineSockets sockets) {
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
                        // an instance, so put, not setProperty; SMTPS layers its TLS over this plain socket
                        if (!properties.containsKey("mail." + protocol + ".socketFactory.class")) {
                            properties.putIfAbsent("mail." + protocol + ".socketFactory", sockets);
                        }
                    }
                }
                return bean;
            }
        };
    }
}
