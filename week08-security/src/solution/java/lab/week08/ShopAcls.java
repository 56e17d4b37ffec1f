package lab.week08;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Exercise 8.4: least privilege, per service. The brokers deny whatever no ACL allows. Give each of the
 * shop's services exactly what it needs, and nothing more:
 *
 * <pre>
 * service               writes                                  reads (in a group named after itself)
 * order-service         shop.orders                             shop.payments
 * inventory-service     shop.inventory                          shop.orders
 * payment-service       shop.payments, in transactions whose    shop.orders
 *                       ids start with "payment-service-"
 * notification-service  -                                       shop.orders, shop.payments
 * analytics-service     -                                       every shop topic, today's and tomorrow's
 * shop-admin            -  (creates shop topics, and reads and changes their configurations; reads no data)
 * </pre>
 *
 * Names are in {@link Shop}. A grant too many is a defect as surely as one too few.
 */
public final class ShopAcls {

    private ShopAcls() {
    }

    /** Every ACL the shop's cluster needs. */
    public static List<AclBinding> bindings() {
        var acls = new ArrayList<AclBinding>();
        writes(acls, Shop.ORDER_SERVICE, Shop.ORDERS);
        reads(acls, Shop.ORDER_SERVICE, literal(ResourceType.TOPIC, Shop.PAYMENTS));
        writes(acls, Shop.INVENTORY_SERVICE, Shop.INVENTORY);
        reads(acls, Shop.INVENTORY_SERVICE, literal(ResourceType.TOPIC, Shop.ORDERS));
        writes(acls, Shop.PAYMENT_SERVICE, Shop.PAYMENTS);
        reads(acls, Shop.PAYMENT_SERVICE, literal(ResourceType.TOPIC, Shop.ORDERS));
        // A transactional producer needs its ids: WRITE (which implies DESCRIBE) on the id's prefix.
        allow(acls, Shop.PAYMENT_SERVICE, AclOperation.WRITE,
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, Shop.PAYMENT_TRANSACTIONS, PatternType.PREFIXED));
        reads(acls, Shop.NOTIFICATION_SERVICE, literal(ResourceType.TOPIC, Shop.ORDERS));
        reads(acls, Shop.NOTIFICATION_SERVICE, literal(ResourceType.TOPIC, Shop.PAYMENTS));
        // Prefixed: the topics the shop adds later are readable without another change.
        reads(acls, Shop.ANALYTICS_SERVICE, new ResourcePattern(ResourceType.TOPIC, Shop.PREFIX, PatternType.PREFIXED));
        var shopTopics = new ResourcePattern(ResourceType.TOPIC, Shop.PREFIX, PatternType.PREFIXED);
        for (var operation : List.of(AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS)) {
            allow(acls, Shop.SHOP_ADMIN, operation, shopTopics);
        }
        return acls;
    }

    /** WRITE on the topic; with it, Kafka also lets the producer be idempotent (KIP-679). */
    private static void writes(List<AclBinding> acls, String service, String topic) {
        allow(acls, service, AclOperation.WRITE, literal(ResourceType.TOPIC, topic));
    }

    /** READ on the topic (implies DESCRIBE), and on the service's own consumer group: both are needed to consume. */
    private static void reads(List<AclBinding> acls, String service, ResourcePattern topics) {
        allow(acls, service, AclOperation.READ, topics);
        var group = literal(ResourceType.GROUP, service);
        var entry = new AclBinding(group, allowed(service, AclOperation.READ));
        if (!acls.contains(entry)) {
            acls.add(entry);
        }
    }

    private static void allow(List<AclBinding> acls, String service, AclOperation operation, ResourcePattern resource) {
        acls.add(new AclBinding(resource, allowed(service, operation)));
    }

    private static AccessControlEntry allowed(String service, AclOperation operation) {
        return new AccessControlEntry(Shop.principal(service), "*", operation, AclPermissionType.ALLOW);
    }

    private static ResourcePattern literal(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.LITERAL);
    }
}
