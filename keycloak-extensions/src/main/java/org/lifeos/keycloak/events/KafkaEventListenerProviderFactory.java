package org.lifeos.keycloak.events;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The {@code lifeos-kafka} event listener: enable it per realm ({@code eventsListeners}) and point
 * it at Kafka with {@code --spi-events-listener--lifeos-kafka--bootstrap-servers}. One producer
 * per Keycloak node, made at start and closed at shutdown.
 */
public class KafkaEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String ID = "lifeos-kafka";
    private static final Logger LOG = Logger.getLogger(KafkaEventListenerProviderFactory.class);

    private ListenerSettings settings;
    private KafkaEventPublisher publisher;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        settings = ListenerSettings.from(config::get);
        if (!settings.enabled()) {
            LOG.warnf("%s: no bootstrap-servers configured; events are not published to Kafka", ID);
            return;
        }
        publisher = new KafkaEventPublisher(settings);
        LOG.infof("%s: publishing %s user events%s to %s on %s", ID, settings.eventTypes().size(),
                settings.adminEvents() ? " and admin events" : "", settings.topic(), settings.bootstrapServers());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire: the listener needs no other provider.
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        if (publisher == null) {
            return NoOp.INSTANCE;
        }
        return new KafkaEventListenerProvider(session, settings, publisher);
    }

    @Override
    public void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("bootstrap-servers").type("string")
                .helpText("Kafka bootstrap servers; empty turns the listener off").add()
                .property().name("topic").type("string").defaultValue(ListenerSettings.DEFAULT_TOPIC)
                .helpText("Topic the events go to").add()
                .property().name("event-types").type("string").defaultValue(ListenerSettings.DEFAULT_EVENT_TYPES)
                .helpText("User event types to publish, comma-separated").add()
                .property().name("admin-events").type("boolean").defaultValue(true)
                .helpText("Whether admin events are published").add()
                .property().name("max-block-ms").type("int").defaultValue(1000)
                .helpText("How long the sender waits for the broker per event").add()
                .property().name("delivery-timeout-ms").type("int").defaultValue(120000)
                .helpText("How long an event is retried before it is dropped").add()
                .property().name("queue-capacity").type("int").defaultValue(10000)
                .helpText("Events waiting for the sender before new ones are dropped").add()
                .property().name("client-id").type("string").defaultValue("keycloak-lifeos-kafka")
                .helpText("The producer's client id").add()
                .build();
    }

    /** The listener when Kafka is not configured: Keycloak still starts, and says why nothing is sent. */
    private enum NoOp implements EventListenerProvider {
        INSTANCE;

        @Override
        public void onEvent(org.keycloak.events.Event event) {
            // Not configured: nothing to publish to.
        }

        @Override
        public void onEvent(org.keycloak.events.admin.AdminEvent event, boolean includeRepresentation) {
            // Not configured: nothing to publish to.
        }

        @Override
        public void close() {
            // Holds nothing.
        }
    }
}
