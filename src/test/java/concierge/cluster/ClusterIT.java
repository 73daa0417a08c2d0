package concierge.cluster;

import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import concierge.testing.TestChroma;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes in their own JVMs on 127.0.0.1, one shared Chroma, one shared database (H2 in server
 * mode) and an LLM simulator slow enough for turns to be in flight: A and B run everything, C is a
 * gateway only. A conversation alternates between A and B; {@code concierge tail-turns} in a fourth
 * JVM sees the turns of both; B is killed with SIGKILL while C's turns run on it.
 */
class ClusterIT {

  private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
      + ";LOCK_TIMEOUT=10000";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Path work;
  private static Server database;
  private static String databaseUrl;
  private static Vertx simulatorVertx;
  private static LlmSimulator simulator;
  private static ClusterNode a;
  private static ClusterNode b;
  private static ClusterNode c;
  private static Process tail;
  private static final List<String> tailed = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    work = Files.createTempDirectory("concierge-cluster-");
    // the intent examples' vectors are kept between runs here, so only the first run embeds them
    Path project = Path.of(System.getProperty("concierge.project.dir", "."));
    Path data = project.resolve("target").resolve("cluster-it-data");
    Files.createDirectories(data);
    Path vectors = project.resolve("data").resolve("intent-example-vectors.bin");
    if (Files.exists(vectors) && !Files.exists(data.resolve(vectors.getFileName()))) {
      Files.copy(vectors, data.resolve(vectors.getFileName()));
    }
    database = Server.createTcpServer("-tcpPort", String.valueOf(ClusterNode.freePort()), "-ifNotExists",
        "-baseDir", work.resolve("db").toString()).start();
    databaseUrl = "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/orders" + H2_OPTIONS;
    simulatorVertx = Vertx.vertx();
    simulator = LlmSimulator.start(simulatorVertx, LlmSimOptions.defaults().withSeed(7L)).await();

    a = new ClusterNode("node-a", work);
    b = new ClusterNode("node-b", work);
    c = new ClusterNode("node-c", work);
    String members = String.join(",", a.member(), b.member(), c.member());
    Map<String, String> env = new HashMap<>();
    env.put("CONCIERGE_DATA_DIR", data.toString());
    env.put("CHROMA_URL", TestChroma.url());
    env.put("DATABASE_URL", databaseUrl);
    env.put("CONCIERGE_LLM_URL", simulator.baseUrl());
    env.put("CONCIERGE_LLM_MODEL", "gpt-4");
    env.put("CONCIERGE_CACHE_ENABLED", "false");
    env.put("CONCIERGE_CLUSTER_NAME", "concierge-it-" + ProcessHandle.current().pid());
    env.put("CONCIERGE_HTTP_INSTANCES", "1");
    a.start("all", members, env);
    a.awaitReady(Duration.ofMinutes(6));
    b.start("all", members, env);
    c.start("gateway", members, env);
    b.awaitReady(Duration.ofMinutes(4));
    c.awaitReady(Duration.ofMinutes(4));
    ProcessBuilder tailing = new ProcessBuilder(ClusterNode.java(), "-Xmx128m", "-jar", ClusterNode.jar().toString(),
        "tail-turns", "--cluster", "--members", members).redirectError(work.resolve("tail.log").toFile());
    tailing.environment().put("CONCIERGE_CLUSTER_NAME", env.get("CONCIERGE_CLUSTER_NAME"));
    tail = tailing.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          tailed.add(line);
        }
      } catch (Exception ignored) {
        // the process ended
      }
    }, "tail-turns-reader");
    reader.setDaemon(true);
    reader.start();
    awaitTailListening();
  }

  private static void awaitTailListening() throws Exception {
    Path log = work.resolve("tail.log");
    for (int i = 0; i < 120; i++) {
      if (Files.exists(log) && Files.readString(log).contains("listening on concierge.turns")) {
        return;
      }
      if (!tail.isAlive()) {
        throw new IllegalStateException("tail-turns exited:\n" + Files.readString(log));
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("tail-turns did not join:\n" + Files.readString(log));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {c, b, a}) {
      if (closeable != null) {
        closeable.close();
      }
    }
    if (tail != null) {
      tail.destroy();
      tail.waitFor(20, TimeUnit.SECONDS);
      tail.destroyForcibly();
    }
    if (simulator != null) {
      simulator.close().await();
      simulatorVertx.close().await();
    }
    if (database != null) {
      database.stop();
    }
  }

  @Test
  @DisplayName("turns alternate between nodes with memory and a pending confirmation carried over, another JVM "
      + "sees every turn, and when a node is killed its turns fail as retryable while the rest keep serving")
  void conversationAcrossNodesSurvivesAKilledNode() throws Exception {
    // 1. memory: a question on A, its follow-up on B
    JsonObject first = chat(a, "How long do I have to return something?", "c-1001", null);
    String conversation = first.getString("conversationId");
    JsonObject kept = get(b, "/v1/conversations/" + conversation + "?customerId=c-1001");
    assertThat(kept.getJsonArray("turns")).hasSize(1);
    JsonObject followUp = chat(b, "and for members?", "c-1001", conversation);
    assertThat(followUp.getJsonArray("sources").encode()).as("read with A's question").contains("policies/returns");
    assertThat(get(a, "/v1/conversations/" + conversation + "?customerId=c-1001").getJsonArray("turns")).hasSize(2);

    // 2. a cancel proposed on A is confirmed on B
    JsonObject proposal = chat(a, "Please cancel order AF-100235", "c-1001", conversation);
    assertThat(proposal.getJsonObject("action").getString("status")).isEqualTo("needs_confirmation");
    JsonObject confirmed = chat(b, "yes", "c-1001", conversation);
    assertThat(confirmed.getJsonObject("action").getString("status")).isEqualTo("done");
    assertThat(confirmed.getJsonObject("action").getString("orderId")).isEqualTo("AF-100235");

    // 3. another JVM on the cluster saw the turns of both nodes
    List<String> turnIds = List.of(first.getString("turnId"), followUp.getString("turnId"),
        proposal.getString("turnId"), confirmed.getString("turnId"));
    awaitTailed(turnIds);
    assertThat(String.join("\n", tailed)).doesNotContain("How long do I have to return").doesNotContain("and for members");

    // 4. a gateway-only node streams a turn that runs on another node (its frames cross the cluster)
    HttpResponse<String> streamed = HTTP.send(HttpRequest.newBuilder(URI.create(c.url() + "/v1/chat/stream"))
        .header("content-type", "application/json").timeout(Duration.ofSeconds(90))
        .POST(HttpRequest.BodyPublishers.ofString(turn("Do you ship to Canada?", null, null).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(streamed.statusCode()).isEqualTo(200);
    assertThat(streamed.body()).contains("event: start").contains("event: delta").contains("event: end");

    // 5. C's turns run on A and B (round robin); B is killed while they are in flight
    int before = simulator.requests().size() + simulator.inFlight();
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inFlight.add(send(c, turn("What is your return policy for opened fuel canisters? (" + i + ")", null, null)));
    }
    for (int i = 0; i < 600 && simulator.inFlight() < 4; i++) {
      Thread.sleep(100);
    }
    assertThat(simulator.inFlight()).as("C's turns are generating on A and B").isGreaterThanOrEqualTo(4);
    b.kill();
    List<HttpResponse<String>> outcomes = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> response : inFlight) {
      outcomes.add(response.get(70, TimeUnit.SECONDS));
    }
    List<HttpResponse<String>> lost = outcomes.stream().filter(r -> r.statusCode() != 200).toList();
    assertThat(lost).as("the turns that were on B").isNotEmpty();
    for (HttpResponse<String> response : lost) {
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("retry-after")).isPresent();
      assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code")).isEqualTo("unavailable");
    }
    assertThat(outcomes.stream().filter(r -> r.statusCode() == 200)).as("the turns that were on A").isNotEmpty();
    assertThat(simulator.requests().size() + simulator.inFlight()).isGreaterThan(before);

    // 6. the rest keep serving: through C (retrying as told) and A; nothing confirmed or said is lost
    JsonObject afterKill = chatRetrying(c, "Do you ship to Canada?");
    assertThat(afterKill.getString("answer")).isNotBlank();
    JsonObject status = chat(a, "Where is my order AF-100235?", "c-1001", conversation);
    assertThat(status.getString("answer")).containsIgnoringCase("cancel");
    JsonObject memory = get(a, "/v1/conversations/" + conversation + "?customerId=c-1001");
    assertThat(memory.getJsonArray("turns").encode()).contains("AF-100235");
    assertThat(orderStatus("AF-100235")).isEqualTo("cancelled");
  }

  private static JsonObject turn(String message, String customerId, String conversationId) {
    JsonObject body = new JsonObject().put("message", message);
    if (customerId != null) {
      body.put("customerId", customerId);
    }
    if (conversationId != null) {
      body.put("conversationId", conversationId);
    }
    return body;
  }

  private static CompletableFuture<HttpResponse<String>> send(ClusterNode node, JsonObject body) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(node.url() + "/v1/chat"))
        .header("content-type", "application/json").timeout(Duration.ofSeconds(90))
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject chat(ClusterNode node, String message, String customerId, String conversationId)
      throws Exception {
    HttpResponse<String> response = send(node, turn(message, customerId, conversationId)).get(90, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(node.name + ": " + response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** A client that does what a 503 with Retry-After says: waits and asks again. */
  private static JsonObject chatRetrying(ClusterNode node, String message) throws Exception {
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 30; attempt++) {
      response = send(node, turn(message, null, null)).get(90, TimeUnit.SECONDS);
      if (response.statusCode() != 503) {
        break;
      }
      Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("retry-after").orElse("1")));
    }
    assertThat(response.statusCode()).as(node.name + ": " + response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static JsonObject get(ClusterNode node, String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(node.name + " " + path + ": " + response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static void awaitTailed(List<String> turnIds) throws InterruptedException {
    for (int i = 0; i < 100 && !turnIds.stream().allMatch(id -> tailed.stream().anyMatch(l -> l.contains(id))); i++) {
      Thread.sleep(100);
    }
    for (String id : turnIds) {
      assertThat(tailed).as("tail-turns output").anyMatch(line -> line.contains("turn=" + id));
    }
  }

  private static String orderStatus(String orderId) throws Exception {
    try (Connection connection = DriverManager.getConnection(databaseUrl, "", "");
         var statement = connection.prepareStatement("SELECT status FROM orders WHERE id = ?")) {
      statement.setString(1, orderId);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getString(1);
      }
    }
  }
}
