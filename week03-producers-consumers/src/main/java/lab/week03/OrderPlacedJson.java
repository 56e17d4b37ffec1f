package lab.week03;

/** {@link OrderPlaced} as JSON text, the record value of this week's order topics. */
public final class OrderPlacedJson {

    private OrderPlacedJson() {
    }

    public static String toJson(OrderPlaced order) {
        return EventJson.toJson(order);
    }

    /** @throws IllegalArgumentException when {@code json} is not an order */
    public static OrderPlaced fromJson(String json) {
        return EventJson.fromJson(json, OrderPlaced.class);
    }
}
