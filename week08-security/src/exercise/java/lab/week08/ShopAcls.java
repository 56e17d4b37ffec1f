package lab.week08;

import java.util.List;

import org.apache.kafka.common.acl.AclBinding;

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
        // TODO 8.4: one binding per right a service needs; prefixed patterns where the names are a family.
        throw new UnsupportedOperationException("Exercise 8.4 not done yet: see HINTS.md#84");
    }
}
