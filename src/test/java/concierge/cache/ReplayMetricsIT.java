package concierge.cache;

import concierge.ConciergeServer;
import concierge.bench.ReplayWorkload;
import concierge.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A replay over HTTP and the /metrics scraped after it")
class ReplayMetricsIT {

  private static final int TURNS = 60;
  private static final Pattern TURNS_LINE = Pattern.compile(
      "^concierge_turns_total\\{([^}]*)\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
  private static final Pattern CACHE_LABEL = Pattern.compile("cache=\"([^\"]*)\"");

  private static ConciergeServer server;
  private static Vertx client;
  private static WebClient web;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(new JsonObject().put("cache", new JsonObject().put("enabled", true)));
    client = Vertx.vertx();
    web = WebClient.create(client, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.httpPort()));
  }

  @AfterAll
  static void stop() {
    client.close().await();
    server.close();
  }

  @Test
  @DisplayName("the turns counted by cache result on /metrics are the replay's own counts")
  void metricsMatchTheReplay() throws Exception {
    List<ReplayWorkload.Turn> workload = ReplayWorkload.read(null).subList(0, TURNS);
    Map<String, Double> before = turnsByCache(scrape());
    Map<String, Double> counted = new HashMap<>();
    for (ReplayWorkload.Turn turn : workload) {
      var response = web.post("/v1/chat").sendJsonObject(new JsonObject().put("message", turn.message())).await();
      assertThat(response.statusCode()).isEqualTo(200);
      counted.merge(response.bodyAsJsonObject().getString("cache"), 1.0, Double::sum);
    }
    Map<String, Double> after = turnsByCache(scrape());

    assertThat(counted.getOrDefault("exact", 0.0) + counted.getOrDefault("semantic", 0.0))
        .as("a replay with repetition has hits").isGreaterThanOrEqualTo(TURNS / 4.0);
    for (String cache : List.of("exact", "semantic", "miss")) {
      assertThat(after.getOrDefault(cache, 0.0) - before.getOrDefault(cache, 0.0)).as("turns with cache=%s", cache)
          .isEqualTo(counted.getOrDefault(cache, 0.0));
    }
    double total = after.values().stream().mapToDouble(Double::doubleValue).sum()
        - before.values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(total).isEqualTo(TURNS);
  }

  private static String scrape() {
    var response = web.get("/metrics").send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsString();
  }

  /** concierge_turns_total summed over intents, by its cache label. */
  private static Map<String, Double> turnsByCache(String prometheus) {
    Map<String, Double> turns = new HashMap<>();
    Matcher line = TURNS_LINE.matcher(prometheus);
    while (line.find()) {
      Matcher cache = CACHE_LABEL.matcher(line.group(1));
      if (cache.find()) {
        turns.merge(cache.group(1), Double.parseDouble(line.group(2)), Double::sum);
      }
    }
    return turns;
  }
}
