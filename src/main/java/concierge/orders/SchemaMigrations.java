package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Applies the bundled {@code db/migration/V<n>__<name>.sql} files in version order, each in one
 * transaction with its row in {@code schema_version}, skipping the versions already recorded there.
 */
public final class SchemaMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final String FOLDER = "db/migration";
  private static final Pattern FILE = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  record Migration(int version, String name, String sql) {
  }

  private SchemaMigrations() {
  }

  /** The versions applied by this call (empty when the schema was current). */
  public static Future<List<Integer>> apply(Vertx vertx, Pool pool) {
    Future<List<Migration>> bundled = vertx.executeBlocking(SchemaMigrations::bundled);
    return Statements.run(pool, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
            + "name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)")
        .compose(created -> Statements.run(pool, "SELECT version FROM schema_version"))
        .compose(rows -> {
          Set<Integer> applied = new HashSet<>();
          for (Row row : rows) {
            applied.add(row.getInteger("version"));
          }
          return bundled.compose(all -> applyMissing(pool, all, applied));
        });
  }

  private static Future<List<Integer>> applyMissing(Pool pool, List<Migration> all, Set<Integer> applied) {
    List<Integer> done = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Migration migration : all) {
      if (!applied.contains(migration.version())) {
        chain = chain.compose(ignored -> pool.withTransaction(conn -> run(conn, migration)))
            .onSuccess(ignored -> done.add(migration.version()));
      }
    }
    return chain.map(ignored -> done);
  }

  private static Future<Void> run(SqlConnection conn, Migration migration) {
    LOG.info("applying migration V{}__{}", migration.version(), migration.name());
    Future<?> chain = Future.succeededFuture();
    for (String statement : statements(migration.sql())) {
      chain = chain.compose(ignored -> conn.query(statement).execute());
    }
    return chain.compose(ignored -> conn.preparedQuery(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")
        .execute(Tuple.of(migration.version(), migration.name(), System.currentTimeMillis())))
        .mapEmpty();
  }

  /** The statements of a script: split at semicolons outside quotes, without comments. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (!quoted && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') {
          i++;
        }
        current.append('\n');
        continue;
      }
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        addIfAny(out, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    addIfAny(out, current);
    return out;
  }

  private static void addIfAny(List<String> out, StringBuilder statement) {
    String text = statement.toString().trim();
    if (!text.isEmpty()) {
      out.add(text);
    }
  }

  static List<Migration> bundled() throws IOException, URISyntaxException {
    URL folder = SchemaMigrations.class.getClassLoader().getResource(FOLDER);
    if (folder == null) {
      throw new IllegalStateException(FOLDER + " is not on the classpath");
    }
    URI uri = folder.toURI();
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return read(jar.getPath(FOLDER));
      }
    }
    return read(Path.of(uri));
  }

  private static List<Migration> read(Path folder) throws IOException {
    List<Migration> migrations = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (name.matches()) {
          try (InputStream in = Files.newInputStream(file)) {
            migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2),
                new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    migrations.sort(Comparator.comparingInt(Migration::version));
    return migrations;
  }
}
