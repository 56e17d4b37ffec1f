package lab.week08;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A {@link ClusterMetadata} as a JSON file that people can read, diff and keep in version control:
 *
 * <pre>{@code
 * BackupFile.write(ClusterBackup.export(admin), Path.of("backup.json"));
 * ClusterBackup.restore(BackupFile.read(Path.of("backup.json")), freshAdmin, vault);
 * }</pre>
 *
 * Each ACL binding is one flat object, with the names {@code kafka-acls --list} prints.
 */
public final class BackupFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape: ACL bindings flattened, since Kafka's classes are not JSON beans. */
    private record Document(List<ClusterMetadata.Topic> topics, List<Acl> acls, List<ClusterMetadata.User> users) {
    }

    private record Acl(ResourceType resourceType, String name, PatternType patternType, String principal, String host,
                       AclOperation operation, AclPermissionType permission) {

        static Acl of(AclBinding binding) {
            var pattern = binding.pattern();
            var entry = binding.entry();
            return new Acl(pattern.resourceType(), pattern.name(), pattern.patternType(), entry.principal(), entry.host(),
                    entry.operation(), entry.permissionType());
        }

        AclBinding binding() {
            return new AclBinding(new ResourcePattern(resourceType, name, patternType),
                    new AccessControlEntry(principal, host, operation, permission));
        }
    }

    private BackupFile() {
    }

    /** Writes {@code metadata} to {@code file}, making its folder if needed. */
    public static void write(ClusterMetadata metadata, Path file) {
        var document = new Document(metadata.topics(), metadata.acls().stream().map(Acl::of).toList(), metadata.users());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + file.toAbsolutePath(), e);
        }
    }

    /** Reads a backup that {@link #write} wrote. */
    public static ClusterMetadata read(Path file) {
        try {
            var document = JSON.readValue(file.toFile(), Document.class);
            return new ClusterMetadata(document.topics(), document.acls().stream().map(Acl::binding).toList(), document.users());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
