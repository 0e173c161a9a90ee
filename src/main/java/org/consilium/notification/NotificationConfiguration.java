package org.consilium.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the outbox sender and the escalation scan on a schedule unless {@code consilium.notification.scheduling=false}
 * (tests call them directly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "consilium.notification.scheduling", havingValue = "true", matchIfMissing = true)
class NotificationConfiguration {
}
