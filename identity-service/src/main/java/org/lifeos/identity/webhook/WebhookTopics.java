package org.lifeos.identity.webhook;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.platform.events.EventHandler;

/**
 * One consumer per topic that carries webhook event types ({@link WebhookEventTypes}), each handing
 * its events to {@link WebhookFanOut}. The topics belong to their services; identity-service only
 * reads them (consumer groups {@code identity.webhooks.*}).
 */
public final class WebhookTopics {

    private WebhookTopics() {
    }

    abstract static class Consumer implements EventHandler {

        private final WebhookFanOut fanOut;
        private final String topic;

        Consumer(WebhookFanOut fanOut, String topic) {
            this.fanOut = fanOut;
            this.topic = topic;
        }

        @Override
        public String name() {
            return "identity.webhooks." + topic;
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public void handle(EventEnvelope<JsonNode> event) throws Exception {
            fanOut.fanOut(topic, event);
        }
    }

    @Singleton
    public static class PlanningTasks extends Consumer {
        public PlanningTasks(WebhookFanOut fanOut) {
            super(fanOut, "planning.task");
        }
    }

    @Singleton
    public static class PlanningHabits extends Consumer {
        public PlanningHabits(WebhookFanOut fanOut) {
            super(fanOut, "planning.habit");
        }
    }

    @Singleton
    public static class FinanceTransactions extends Consumer {
        public FinanceTransactions(WebhookFanOut fanOut) {
            super(fanOut, "finance.transaction");
        }
    }

    @Singleton
    public static class HealthSamples extends Consumer {
        public HealthSamples(WebhookFanOut fanOut) {
            super(fanOut, "health.samples");
        }
    }

    @Singleton
    public static class ContentRevenue extends Consumer {
        public ContentRevenue(WebhookFanOut fanOut) {
            super(fanOut, "content.revenue");
        }
    }
}
