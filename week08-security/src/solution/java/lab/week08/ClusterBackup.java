package lab.week08;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Exercise 8.13: a backup of what is not data. MirrorMaker copies records; a cluster lost with its metadata
 * also loses its topics' settings, its ACLs and its users. {@link #export} reads them through the Admin API
 * into a {@link ClusterMetadata} ({@link BackupFile} writes it down); {@link #restore} makes them again in a
 * fresh cluster, and may be run again after a failure.
 *
 * <pre>{@code
 * BackupFile.write(ClusterBackup.export(oldCluster), file);
 * ClusterBackup.restore(BackupFile.read(file), newCluster, vault);
 * }</pre>
 *
 * A cluster never gives back a SCRAM password, not even its salted hash: users' secrets come back from
 * where they are kept, a {@link PasswordVault}, never from the backup.
 */
public final class ClusterBackup {

    private ClusterBackup() {
    }

    /** The topics (internal ones excepted, with only the configs set on them), the ACLs and the SCRAM users of a cluster. */
    public static ClusterMetadata export(Admin admin) {
        return new ClusterMetadata(topics(admin), acls(admin), users(admin));
    }

    /**
     * Makes {@code backup}'s topics, ACLs and users in {@code target}, each user with its password from {@code vault}.
     * Safe to run again: what exists already is not an error.
     */
    public static void restore(ClusterMetadata backup, Admin target, PasswordVault vault) {
        createTopics(target, backup.topics());
        // The broker keeps one copy of an ACL however often it is created: a rerun changes nothing.
        await(target.createAcls(backup.acls()).all(), "create the ACLs");
        // The passwords come from the vault: the backup has none, and a made-up one would lock the service out.
        // One request per credential: a user may have one per mechanism, and Kafka refuses two alterations of
        // one user in one request.
        for (var user : backup.users()) {
            var upsertion = new UserScramCredentialUpsertion(user.name(),
                    new ScramCredentialInfo(user.mechanism(), user.iterations()), vault.passwordOf(user.name()));
            await(target.alterUserScramCredentials(List.of(upsertion)).all(), "create the SCRAM user " + user.name());
        }
    }

    private static List<ClusterMetadata.Topic> topics(Admin admin) {
        // listTopics() leaves out the internal topics (__consumer_offsets, ...): a fresh cluster makes its own.
        var names = await(admin.listTopics().names(), "list the topics");
        var descriptions = await(admin.describeTopics(names).allTopicNames(), "describe the topics");
        var configs = await(admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(), "describe the topics' configs");
        var topics = new ArrayList<ClusterMetadata.Topic>();
        for (var name : names) {
            var partitions = descriptions.get(name).partitions();
            topics.add(new ClusterMetadata.Topic(name, partitions.size(), (short) partitions.get(0).replicas().size(),
                    setOnTopic(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)))));
        }
        topics.sort(Comparator.comparing(ClusterMetadata.Topic::name));
        return topics;
    }

    /** Only what was set on the topic: a default copied into the backup would pin today's broker default for ever. */
    private static Map<String, String> setOnTopic(Config config) {
        return config.entries().stream().filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }

    /** Every binding: ANY matches literal and prefixed patterns alike. */
    private static List<AclBinding> acls(Admin admin) {
        return List.copyOf(await(admin.describeAcls(AclBindingFilter.ANY).values(), "describe the ACLs"));
    }

    /** Mechanism and iterations, which is all Kafka tells: never a password, nor its salted hash. */
    private static List<ClusterMetadata.User> users(Admin admin) {
        return await(admin.describeUserScramCredentials().all(), "describe the SCRAM users").values().stream()
                .flatMap(user -> user.credentialInfos().stream()
                        .map(info -> new ClusterMetadata.User(user.name(), info.mechanism(), info.iterations())))
                .sorted(Comparator.comparing(ClusterMetadata.User::name)).toList();
    }

    private static void createTopics(Admin target, List<ClusterMetadata.Topic> topics) {
        var created = target.createTopics(topics.stream().map(topic -> new NewTopic(topic.name(), topic.partitions(),
                topic.replicationFactor()).configs(topic.configs())).toList()).values();
        for (var topic : created.entrySet()) {
            try {
                topic.getValue().get();
            } catch (ExecutionException e) {
                // A topic made by an earlier run (or by hand) is left as it is: a rerun finishes the job.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw refused("create topic " + topic.getKey(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + topic.getKey(), e);
            }
        }
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw refused(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + what, e);
        }
    }

    private static IllegalStateException refused(String what, ExecutionException e) {
        return new IllegalStateException("The cluster refused to " + what + ": " + e.getCause(), e.getCause());
    }
}
