package lab.week01;

import java.util.Arrays;

/** The kinds of event in the e-commerce order flow, by the names services use on the wire. */
public enum EventType {
    ORDER_CREATED("order.created"),
    PAYMENT_PROCESSED("payment.processed"),
    INVENTORY_UPDATED("inventory.updated");

    private final String eventName;

    EventType(String eventName) {
        this.eventName = eventName;
    }

    /** The name on the wire, e.g. "order.created". */
    public String eventName() {
        return eventName;
    }

    public static EventType fromEventName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.eventName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type '" + name + "'; known: "
                        + Arrays.toString(Arrays.stream(values()).map(EventType::eventName).toArray())));
    }
}
