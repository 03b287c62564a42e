package io.kpipeline.schedule;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Orders the shutdown: the Quartz scheduler (which waits for a running report) is destroyed before
 * the report runner and everything it uses, so that a report running on SIGTERM can finish.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    /** Boot's name for its Quartz scheduler bean. */
    private static final String SCHEDULER = "quartzScheduler";

    @Bean
    static BeanFactoryPostProcessor schedulerStopsBeforeReports() {
        return factory -> {
            if (factory.containsBeanDefinition(SCHEDULER)) {
                BeanDefinition scheduler = factory.getBeanDefinition(SCHEDULER);
                String[] current = scheduler.getDependsOn() == null ? new String[0] : scheduler.getDependsOn();
                String[] dependsOn = Stream.concat(Arrays.stream(current), Stream.of("scheduledReports"))
                        .toArray(String[]::new);
                scheduler.setDependsOn(dependsOn);
            }
        };
    }
}
