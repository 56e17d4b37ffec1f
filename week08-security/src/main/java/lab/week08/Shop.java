package lab.week08;

import java.util.List;

/**
 * The shop's topics and services, as the brokers see them. Each service connects with a certificate the
 * shop's CA signed for it ({@code CN=order-service,OU=shop,O=Kafka Lab}); the broker's principal mapping
 * rules make that {@code User:order-service}. Each service that reads does so in a consumer group named
 * after itself.
 */
public final class Shop {

    /** Every shop topic's name starts with this. */
    public static final String PREFIX = "shop.";
    public static final String ORDERS = PREFIX + "orders";
    public static final String PAYMENTS = PREFIX + "payments";
    public static final String INVENTORY = PREFIX + "inventory";
    public static final List<String> TOPICS = List.of(ORDERS, PAYMENTS, INVENTORY);

    public static final String ORDER_SERVICE = "order-service";
    public static final String INVENTORY_SERVICE = "inventory-service";
    public static final String PAYMENT_SERVICE = "payment-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String ANALYTICS_SERVICE = "analytics-service";
    /** The operators' tool: it makes and tunes the shop's topics, and reads no data. */
    public static final String SHOP_ADMIN = "shop-admin";
    public static final List<String> SERVICES = List.of(ORDER_SERVICE, INVENTORY_SERVICE, PAYMENT_SERVICE,
            NOTIFICATION_SERVICE, ANALYTICS_SERVICE, SHOP_ADMIN);

    /** The payment service writes in transactions; each instance's transactional.id starts with this. */
    public static final String PAYMENT_TRANSACTIONS = PAYMENT_SERVICE + "-";

    private Shop() {
    }

    /** The principal of a service, as the broker names it in ACLs. */
    public static String principal(String service) {
        return "User:" + service;
    }
}
