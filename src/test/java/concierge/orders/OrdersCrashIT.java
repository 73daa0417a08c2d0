package concierge.orders;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a JVM that is placing and confirming orders with SIGKILL, then reopens its database: every
 * order it reported as confirmed is there with its lines and its audit row, and no order exists
 * half-written (without lines or without audit).
 */
class OrdersCrashIT {

  private static final int CONFIRMED_BEFORE_KILL = 40;

  @Test
  @DisplayName("kill -9 in the middle of placing orders loses no confirmed order and leaves none half-written")
  void killedMidRun(@TempDir Path dir) throws Exception {
    List<String> confirmed = runAndKill(dir);
    assertThat(confirmed).hasSizeGreaterThanOrEqualTo(CONFIRMED_BEFORE_KILL);

    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = new JsonObject().put("data-dir", dir.toString());
      vertx.deployVerticle(new OrdersVerticle(), new DeploymentOptions().setConfig(config)).await();
      Pool db = DatabaseConfig.from(config).pool(vertx);
      Set<String> stored = new HashSet<>(column(db, "SELECT id FROM orders WHERE customer_id LIKE 'crash-%'"));
      assertThat(stored).containsAll(confirmed);
      for (String orderId : confirmed) {
        assertThat(count(db, "SELECT COUNT(*) FROM order_lines WHERE order_id = ?", orderId)).isEqualTo(2);
        assertThat(count(db, "SELECT COUNT(*) FROM order_audit WHERE order_id = ? AND action = 'placed'", orderId))
            .isEqualTo(1);
      }
      assertThat(count(db, "SELECT COUNT(*) FROM orders o WHERE customer_id LIKE 'crash-%' AND NOT EXISTS "
          + "(SELECT 1 FROM order_lines l WHERE l.order_id = o.id)")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM orders o WHERE customer_id LIKE 'crash-%' AND NOT EXISTS "
          + "(SELECT 1 FROM order_audit a WHERE a.order_id = o.id)")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM pending_actions p WHERE status = 'done' AND NOT EXISTS "
          + "(SELECT 1 FROM orders o WHERE o.id = p.order_id)")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM orders WHERE customer_id LIKE 'crash-%'"))
          .isEqualTo(count(db, "SELECT COUNT(*) FROM pending_actions WHERE customer_id LIKE 'crash-%' "
              + "AND status = 'done'"));
    } finally {
      vertx.close().await();
    }
  }

  /** Starts the child JVM, reads its confirmations, and SIGKILLs it while it is still placing orders. */
  private static List<String> runAndKill(Path dir) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, OrdersCrashChild.class.getName(),
        dir.toString()).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> confirmed = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      long deadline = System.currentTimeMillis() + 90_000;
      String line;
      while (confirmed.size() < CONFIRMED_BEFORE_KILL && System.currentTimeMillis() < deadline
          && (line = out.readLine()) != null) {
        if (line.startsWith("CONFIRMED ")) {
          confirmed.add(line.substring("CONFIRMED ".length()).trim());
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      drain(out, confirmed);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).isEqualTo(137);
    return confirmed;
  }

  /** What the child printed before it died; the pipe may already be closed, then what was read is enough. */
  private static void drain(BufferedReader out, List<String> confirmed) {
    try {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("CONFIRMED ")) {
          confirmed.add(line.substring("CONFIRMED ".length()).trim());
        }
      }
    } catch (java.io.IOException closed) {
      // the kill closed the pipe: the confirmations read so far are the ones checked
    }
  }

  private static List<String> column(Pool db, String sql) {
    List<String> values = new ArrayList<>();
    for (Row row : Statements.run(db, sql, Tuple.tuple()).await()) {
      values.add(row.getString(0));
    }
    return values;
  }

  private static long count(Pool db, String sql, Object... params) {
    return Statements.run(db, sql, Tuple.wrap(params)).await().iterator().next().getLong(0);
  }
}
