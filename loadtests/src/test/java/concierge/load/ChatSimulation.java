package concierge.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop chat load: {@code users} virtual users, each sends its next message only when the
 * previous answer has finished, for {@code warmup + duration} seconds.
 *
 * <p>System properties: {@code baseUrl} (http://127.0.0.1:8080), {@code users} (100),
 * {@code duration} (300 s, measured), {@code warmup} (30 s, run but left out of the summary),
 * {@code ramp} (10 s to start all users), {@code mix} (seed | replay | workload, see {@link Messages}),
 * {@code workload} (the workload file), {@code transport} (ws | rest),
 * {@code seed} (42), {@code turnTimeout} (120 s), {@code replay.tail} (0.20), {@code turnLog}
 * (CSV of every turn, read by Summary), {@code rate} (0; above 0 the load is paced instead: an open
 * model that starts this many conversations a second for {@code warmup + duration}, each by a new
 * user that sends its script's messages and leaves, so a slow answer does not slow the arrivals),
 * {@code jitWarmup} (0; above 0 the run starts with this many seconds of the seed mix in a closed
 * loop, {@code users} users, logged to {@code warmupTurnLog} instead, then {@code POST /admin/cache/clear}
 * and {@code GET /admin/costs}, written to {@code cacheClearedOut} and {@code costsOut}, and only then
 * the measured scenario: the server's JIT and this load generator's own JIT are both warm when the
 * measuring starts), {@code simUrl} (the LLM simulator's base URL, e.g. http://127.0.0.1:8090: before the
 * run it is told the intent of every seed-mix message, see {@link #teachIntentModel}; empty: not told).
 *
 * <p>WebSocket: one socket per user; a turn is {@code sendText} then two checks in sequence: the
 * first frame of type {@code delta} (time to first token) and the {@code end} frame (full answer).
 * An {@code error} frame matches either check and fails it. REST: {@code POST /v1/chat}, 200 with a
 * turn body is a success; the first token is the whole answer there.
 */
public class ChatSimulation extends Simulation {

  static final ObjectMapper JSON = new ObjectMapper();

  final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  final int users = Integer.getInteger("users", 100);
  final int duration = Integer.getInteger("duration", 300);
  final int warmup = Integer.getInteger("warmup", 30);
  final int ramp = Integer.getInteger("ramp", 10);
  final String mix = System.getProperty("mix", "seed");
  final String transport = System.getProperty("transport", "ws");
  final long seed = Long.getLong("seed", 42L);
  final int turnTimeout = Integer.getInteger("turnTimeout", 120);
  /** Above 0: an open model instead of closed-loop users, this many new conversations a second, each its own user. */
  final double rate = Double.parseDouble(System.getProperty("rate", "0"));
  final double tail = Double.parseDouble(System.getProperty("replay.tail", "0.20"));
  final double[] zipf = Messages.zipf(1.0);
  final int jitWarmup = Integer.getInteger("jitWarmup", 0);
  final AtomicInteger userSeq = new AtomicInteger();
  final AtomicInteger warmupUserSeq = new AtomicInteger();
  final TurnLog log = new TurnLog(Path.of(System.getProperty("turnLog", "target/turns.csv")));
  final TurnLog warmupLog = new TurnLog(Path.of(System.getProperty("warmupTurnLog", "target/warmup-turns.csv")));

  HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
      .wsBaseUrl(baseUrl.replaceFirst("^http", "ws"))
      .acceptHeader("application/json").contentTypeHeader("application/json")
      .shareConnections();

  final List<String> workload = "workload".equals(mix)
      ? Messages.readWorkload(Path.of(System.getProperty("workload", "../src/main/resources/bench/replay-workload.jsonl")))
      : List.of();

  /**
   * This user's random numbers, from the run's seed and the user's number. The seeds are mixed
   * first: {@code java.util.Random}s made from consecutive seeds give nearly the same first
   * number, so an open model (one conversation a user) sent the mix in blocks, all policy
   * questions, then all product questions, then all orders.
   */
  Random userRandom() {
    return mixedRandom(seed, userSeq);
  }

  static Random mixedRandom(long seed, AtomicInteger users) {
    return new Random(new SplittableRandom(seed * 1_000_003L + users.incrementAndGet()).nextLong());
  }

  /** Picks the next conversation script for this user (none when the workload is used up). */
  Session nextScript(Session session) {
    Random random = (Random) session.get("random");
    Messages.Script script = session.contains("warmup") ? Messages.seed(random) : switch (mix) {
      case "replay" -> Messages.replay(random, tail, zipf);
      case "workload" -> Messages.workload(workload);
      default -> Messages.seed(random);
    };
    if (script == null) {
      return session.set("kind", "none").remove("customerId").set("messages", List.of());
    }
    return session.set("kind", script.kind()).set("customerId", script.customerId())
        .set("messages", script.messages()).remove("conversationId");
  }

  /** Builds the frame or body of the turn and notes when it was sent. */
  Session prepare(Session session) {
    ObjectNode body = JSON.createObjectNode();
    if ("ws".equals(transport)) {
      body.put("type", "message").put("clientMessageId", "m" + session.userId() + "-" + session.getInt("turnNo"));
    }
    body.put("message", session.getString("message"));
    if (session.getString("conversationId") != null) {
      body.put("conversationId", session.getString("conversationId"));
    }
    if (session.getString("customerId") != null) {
      body.put("customerId", session.getString("customerId"));
    }
    return session.set("payload", body.toString()).set("sentAtMs", System.currentTimeMillis())
        .set("sentNs", System.nanoTime()).remove("firstNs").remove("endNs").remove("endBody");
  }

  /** Writes the turn to the CSV and keeps the conversation id for the next message of the script. */
  Session record(Session session) {
    long sentNs = session.getLong("sentNs");
    Long firstNs = session.contains("firstNs") ? session.getLong("firstNs") : null;
    Long endNs = session.contains("endNs") ? session.getLong("endNs") : null;
    String body = session.getString("endBody");
    boolean ok = !session.isFailed() && endNs != null && body != null;
    JsonNode turn = null;
    String error = "";
    try {
      if (body != null) {
        JsonNode node = JSON.readTree(body);
        if ("error".equals(node.path("type").asText()) || node.has("error")) {
          ok = false;
          error = node.path("error").path("code").asText("error");
        } else {
          turn = node.has("turn") ? node.get("turn") : node;
        }
      }
    } catch (IOException e) {
      ok = false;
      error = "bad_json";
    }
    if (body == null) {
      error = endNs == null ? "timeout_or_closed" : "no_body";
    }
    ok = ok && turn != null;
    double fullMs = endNs == null ? -1 : (endNs - sentNs) / 1e6;
    double firstMs = firstNs != null ? (firstNs - sentNs) / 1e6 : ("rest".equals(transport) ? fullMs : -1);
    (session.contains("warmup") ? warmupLog : log)
        .write(session.getLong("sentAtMs"), session.userId(), session.getString("kind"), ok, error, firstMs, fullMs, turn);
    Session next = session.markAsSucceeded();
    if (turn != null && turn.hasNonNull("conversationId")) {
      next = next.set("conversationId", turn.get("conversationId").asText());
    }
    return next.set("turnNo", session.getInt("turnNo") + 1);
  }

  ChainBuilder wsTurn = exec(this::prepare)
      .exec(ws("turn").sendText(s -> s.getString("payload"))
          .await(turnTimeout).on(
              ws.checkTextMessage("first token")
                  .matching(jsonPath("$.type").in("delta", "error"))
                  .check(jsonPath("$.type").transform(t -> System.nanoTime()).saveAs("firstNs"),
                      jsonPath("$.type").is("delta")),
              ws.checkTextMessage("full answer")
                  .matching(jsonPath("$.type").in("end", "error"))
                  .check(jsonPath("$.type").transform(t -> System.nanoTime()).saveAs("endNs"),
                      bodyString().saveAs("endBody"),
                      jsonPath("$.type").is("end"))))
      .exec(this::record);

  ChainBuilder restTurn = exec(this::prepare)
      .exec(http("turn").post("/v1/chat").body(StringBody(s -> s.getString("payload")))
          .requestTimeout(Duration.ofSeconds(turnTimeout))
          .check(status().transform(st -> System.nanoTime()).saveAs("endNs"),
              bodyString().saveAs("endBody"),
              status().is(200)))
      .exec(this::record);

  ChainBuilder conversation = exec(this::nextScript)
      .foreach("#{messages}", "message").on("ws".equals(transport) ? wsTurn : restTurn);

  ScenarioBuilder scenario = rate > 0
      ? scenario("chat-" + mix + "-" + transport + "-paced").exec(user(conversation))
      : scenario("chat-" + mix + "-" + transport).exec(user(loop(conversation)));

  /** The seed mix in a closed loop for {@code jitWarmup} seconds, its turns logged apart. */
  ScenarioBuilder warmupScenario = scenario("jit-warmup-seed-" + transport)
      .exec(s -> s.set("warmup", true))
      .exec(user(during(Duration.ofSeconds(jitWarmup), false).on(conversation)));

  /** Empties the answer cache after the warm-up and records the cost counters the measured run starts from. */
  ScenarioBuilder clearCache = scenario("clear-cache")
      .exec(http("clear cache").post("/admin/cache/clear").check(status().is(200), bodyString().saveAs("cleared")))
      .exec(http("costs").get("/admin/costs").check(status().is(200), bodyString().saveAs("costs")))
      .exec(session -> {
        writeFile(System.getProperty("cacheClearedOut", "target/cache-cleared.json"), session.getString("cleared"));
        writeFile(System.getProperty("costsOut", "target/costs-before.json"), session.getString("costs"));
        return session;
      });

  /** One user: its random numbers, then its turns (over WebSocket, on one socket for all of them). */
  ChainBuilder user(ChainBuilder turns) {
    ChainBuilder start = exec(s -> s.set("random", s.contains("warmup") ? warmupRandom() : userRandom()).set("turnNo", 0));
    return "ws".equals(transport)
        ? start.exec(ws("connect").connect("/v1/chat/ws")).exec(turns).exec(ws("close").close())
        : start.exec(turns);
  }

  /** The warm-up's users draw from another seed and count apart, so the measured mix is the same with or without it. */
  Random warmupRandom() {
    return mixedRandom(seed + 1, warmupUserSeq);
  }

  /** For the duration; the workload mix until its last message is taken, however long that is. */
  ChainBuilder loop(ChainBuilder chain) {
    return "workload".equals(mix)
        ? asLongAs(session -> Messages.workloadLeft(workload)).on(chain)
        : during(Duration.ofSeconds(warmup + duration), false).on(chain);
  }

  static void writeFile(String path, String text) {
    try {
      Files.writeString(Path.of(path), text == null ? "" : text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  {
    PopulationBuilder measured = scenario.injectOpen(rate > 0
        ? constantUsersPerSec(rate).during(Duration.ofSeconds(warmup + duration))
        : rampUsers(users).during(Duration.ofSeconds(Math.max(1, ramp))));
    int warmupRamp = Math.max(10, ramp);
    PopulationBuilder run = jitWarmup <= 0 ? measured
        : warmupScenario.injectOpen(rampUsers(users).during(Duration.ofSeconds(warmupRamp)))
            .andThen(clearCache.injectOpen(atOnceUsers(1)).andThen(measured));
    long warmupCap = jitWarmup <= 0 ? 0 : warmupRamp + jitWarmup + turnTimeout + 30;
    setUp(run)
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(warmupCap + ramp + warmup + duration + turnTimeout + 30));
  }

  @Override
  public void before() {
    String simUrl = System.getProperty("simUrl", "");
    if (!simUrl.isBlank()) {
      teachIntentModel(simUrl);
    }
    log.open();
    if (jitWarmup > 0) {
      warmupLog.open();
    }
  }

  /**
   * Gives the LLM simulator the intent of every seed-mix message (POST /sim/labels), so that when
   * Concierge asks its intent model, the simulated model answers as an accurate classifier would.
   */
  static void teachIntentModel(String simUrl) {
    try {
      ObjectNode body = JSON.createObjectNode();
      ObjectNode labels = body.putObject("labels");
      Messages.seedLabels().forEach(labels::put);
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simUrl + "/sim/labels"))
          .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the simulator refused the intent labels: " + response.statusCode() + " " + response.body());
      }
      System.out.println("intent model: the simulator knows the intent of " + labels.size() + " seed-mix messages");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void after() {
    log.close();
    warmupLog.close();
  }

  /**
   * One CSV line per turn, written from Gatling's threads; the last column has every stage time the
   * server reported for the turn ({@code memoryMs=5;cacheMs=12;...}).
   */
  static final class TurnLog {
    private final Path path;
    private BufferedWriter out;

    TurnLog(Path path) {
      this.path = path;
    }

    synchronized void open() {
      try {
        Files.createDirectories(path.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(path);
        out.write("sentAtMs,user,kind,ok,error,firstMs,fullMs,cache,intent,model,promptTokens,completionTokens,"
            + "costUsd,serverTotalMs,serverFirstTokenMs,action,actionStatus,degraded,timings,secondOpinion\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void write(long sentAtMs, long user, String kind, boolean ok, String error, double firstMs,
                            double fullMs, JsonNode turn) {
      JsonNode t = turn == null ? JSON.createObjectNode() : turn;
      StringBuilder degraded = new StringBuilder();
      t.path("degraded").forEach(d -> degraded.append(degraded.length() == 0 ? "" : "|").append(d.asText()));
      StringBuilder timings = new StringBuilder();
      t.path("timings").fields().forEachRemaining(e -> timings.append(timings.length() == 0 ? "" : ";")
          .append(e.getKey()).append('=').append(e.getValue().asText()));
      // the answer's own call (what the simulator's log is matched by); the cost is the turn's, every call
      JsonNode answer = t.path("usage");
      for (JsonNode call : t.path("usage").path("calls")) {
        answer = "answer".equals(call.path("purpose").asText()) ? call : answer;
      }
      boolean noAnswerCall = t.path("usage").has("calls") && answer == t.path("usage");
      String line = String.join(",", String.valueOf(sentAtMs), String.valueOf(user), kind, String.valueOf(ok), error,
          String.format("%.3f", firstMs), String.format("%.3f", fullMs), t.path("cache").asText(""),
          t.path("intent").path("name").asText(""), t.path("usage").path("model").asText(""),
          noAnswerCall ? "0" : answer.path("promptTokens").asText(""),
          noAnswerCall ? "0" : answer.path("completionTokens").asText(""), t.path("usage").path("costUsd").asText(""),
          t.path("timings").path("totalMs").asText(""), t.path("timings").path("firstTokenMs").asText(""),
          t.path("action").path("type").asText(""), t.path("action").path("status").asText(""), degraded.toString(), timings.toString(),
          t.path("intent").path("secondOpinion").asText(""));
      try {
        out.write(line);
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void close() {
      try {
        if (out != null) {
          out.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
