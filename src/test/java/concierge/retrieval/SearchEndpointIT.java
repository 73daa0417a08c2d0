package concierge.retrieval;

import concierge.ConciergeServer;
import concierge.testing.TestServers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("GET /v1/search and /health, with bad input and with Chroma stopped and restarted")
class SearchEndpointIT {

  private static ConciergeServer server;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.startWithOwnChroma(new JsonObject().put("chroma", new JsonObject()
        .put("restart-when-dead", false).put("request-timeout-ms", 1000)));
    client = WebClient.create(server.vertx(), new WebClientOptions().setDefaultPort(server.httpPort()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> get(String rawPathAndQuery) {
    return client.get(rawPathAndQuery).timeout(10_000).send().await();
  }

  private static String q(String text) {
    return "/v1/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void assertError(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank().doesNotContain("Exception").doesNotContain("at concierge.");
  }

  @Test
  @DisplayName("bad queries get a clear 400: empty, 10,000 characters, control characters, invalid UTF-8")
  void badInput() {
    assertError(get("/v1/search?q="), 400, "invalid_request");
    assertError(get("/v1/search"), 400, "invalid_request");
    assertError(get(q("x".repeat(10_000))), 400, "invalid_request");
    assertError(get(q("where is \u0001 my order")), 400, "invalid_request");
    assertError(get("/v1/search?q=%C3%28%FF"), 400, "invalid_request");
  }

  @Test
  @DisplayName("with Chroma stopped, health says DOWN and search fails fast with 503; after a restart both recover")
  void chromaDownAndBack() throws Exception {
    assertThat(get("/health").bodyAsJsonObject().getJsonObject("components").getJsonObject("chroma")
        .getString("status")).isEqualTo("UP");
    assertThat(get(q("return window")).statusCode()).isEqualTo(200);

    server.sidecar().stop();
    HttpResponse<Buffer> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.bodyAsJsonObject().getJsonObject("components").getJsonObject("chroma").getString("status"))
        .isEqualTo("DOWN");
    long started = System.currentTimeMillis();
    assertError(get(q("gift card expiry")), 503, "unavailable");
    assertThat(System.currentTimeMillis() - started).as("fails fast, no hang").isLessThan(5000);

    server.sidecar().restart();
    assertThat(get("/health").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> search = get(q("gift card expiry"));
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.bodyAsJsonObject().getJsonArray("chunks")).hasSize(3);
  }
}
