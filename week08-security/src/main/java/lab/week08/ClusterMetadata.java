package lab.week08;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What a cluster holds besides its records, as a backup keeps it: its topics as they were made, its ACLs,
 * and its SCRAM users. MirrorMaker copies records; a cluster lost with its metadata also loses these, and
 * the records are of little use without them.
 *
 * @param topics the topics, internal ones excepted
 * @param acls   every ACL binding, literal and prefixed
 * @param users  every SCRAM credential, one per user and mechanism
 */
public record ClusterMetadata(List<Topic> topics, List<AclBinding> acls, List<User> users) {

    public ClusterMetadata {
        topics = List.copyOf(topics);
        acls = List.copyOf(acls);
        users = List.copyOf(users);
    }

    /**
     * A topic as it was made: its partitions, its replication factor, and only the configs set on it
     * ({@code retention.ms=259200000}), not the defaults it inherits from the broker.
     */
    public record Topic(String name, int partitions, short replicationFactor, Map<String, String> configs) {

        public Topic {
            configs = Map.copyOf(configs);
        }
    }

    /**
     * A SCRAM user as the cluster describes it: its name, mechanism and iterations. There is no password:
     * Kafka gives back neither the password nor its salted hash.
     */
    public record User(String name, ScramMechanism mechanism, int iterations) {
    }
}
