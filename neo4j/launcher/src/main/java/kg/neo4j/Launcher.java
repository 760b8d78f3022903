package kg.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community embedded, with Bolt on 127.0.0.1 only and authentication on.
 *
 * <p>Usage: {@code Launcher --data DIR --port PORT [--conf neo4j.conf]}; the password of
 * the {@code neo4j} user comes from the environment variable {@code KG_NEO4J_PASSWORD}, never
 * from the command line (which other local users can read). Before the very first start it is
 * written as the initial password (like {@code neo4j-admin dbms set-initial-password}), so the
 * default password never works; a later start with another password runs ALTER USER.
 *
 * <p>Prints one line for the Python side: {@code KG-NEO4J READY bolt://127.0.0.1:PORT}, or
 * {@code KG-NEO4J ERROR port-in-use|failed: reason}. Stops cleanly on SIGTERM/SIGINT.
 */
public final class Launcher {
    private static final String TAG = "KG-NEO4J ";

    private Launcher() {}

    public static void main(String[] args) {
        Path data = null;
        int port = 7687;
        Path conf = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--data" -> { data = Path.of(value).toAbsolutePath(); i++; }
                case "--port" -> { port = Integer.parseInt(value); i++; }
                case "--conf" -> { conf = Path.of(value).toAbsolutePath(); i++; }
                default -> fail("failed: unknown argument " + arg, 2);
            }
        }
        if (data == null) {
            fail("failed: --data is required", 2);
        }
        String password = System.getenv("KG_NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            fail("failed: KG_NEO4J_PASSWORD is not set", 2);
        }
        try {
            Files.createDirectories(data);
            boolean first = !Files.exists(data.resolve("data").resolve("databases").resolve("system"));
            Path fingerprint = data.resolve("data").resolve("dbms").resolve("kg-password.sha256");
            if (first) {
                writeInitialPassword(data, password);
            }
            DatabaseManagementService dbms = builder(data, port, conf).build();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dbms.shutdown();
                stopped.countDown();
            }, "kg-neo4j-shutdown"));
            String expected = fingerprint(data, password);
            if (!first && !(Files.exists(fingerprint) && Files.readString(fingerprint).equals(expected))) {
                setPassword(dbms, password);
            }
            Files.createDirectories(fingerprint.getParent());
            Files.writeString(fingerprint, expected);
            System.out.println(TAG + "READY bolt://127.0.0.1:" + port);
            System.out.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String text = String.valueOf(root.getMessage());
            if (text.contains("already in use") || root instanceof java.net.BindException) {
                fail("port-in-use: 127.0.0.1:" + port + " is already in use", 3);
            }
            e.printStackTrace();
            fail("failed: " + text.lines().findFirst().orElse(root.getClass().getName()), 1);
        }
    }

    private static DatabaseManagementServiceBuilder builder(
            Path data, int port, Path conf) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(data)
                // a quick start and stop: no diagnostics dump, no usage reports, no 10 s Bolt drain
                .setConfig(GraphDatabaseInternalSettings.dump_diagnostics, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 1024L * 1024 * 1024);
        if (conf != null) {
            builder.loadPropertiesFromFile(conf);
        }
        return builder
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port));
    }

    /** What {@code neo4j-admin dbms set-initial-password} does: the system database reads it on creation. */
    private static void writeInitialPassword(Path data, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, data).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction();
        Files.deleteIfExists(file);
        Files.createDirectories(file.getParent());
        FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(),
                EmptyMemoryTracker.INSTANCE);
        users.start();
        SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
        users.create(new User("neo4j", null, credential, false, false));
        users.shutdown();
    }

    /** A salted hash of the password, so a restart with the same password skips ALTER USER. */
    private static String fingerprint(Path data, String password) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(data.toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static void fail(String message, int code) {
        System.out.println(TAG + "ERROR " + message);
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }
}
