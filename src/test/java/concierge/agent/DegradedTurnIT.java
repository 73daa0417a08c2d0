package concierge.agent;

import concierge.Addresses;
import concierge.ConciergeServer;
import concierge.testing.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Turns when a stage fails or is slow")
class DegradedTurnIT {

  private ConciergeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private JsonObject ask(String message) {
    return new ChatService(server.vertx(), 30_000).chat(new JsonObject().put("message", message)).await();
  }

  @Test
  @DisplayName("retrieval and tone run in parallel: both delayed by 200 ms, the turn takes ~200 ms, not ~400 ms")
  void parallelRetrievalAndTone() throws Exception {
    server = TestServers.start();
    ask("warm up the pipeline: do you ship to canada");
    server.vertx().eventBus().addInboundInterceptor(ctx -> {
      String address = ctx.message().address();
      if (Addresses.TONE.equals(address) || Addresses.RETRIEVAL.equals(address)) {
        server.vertx().setTimer(200, id -> ctx.next());
      } else {
        ctx.next();
      }
    });
    JsonObject turn = ask("How much is expedited shipping?");
    JsonObject timings = turn.getJsonObject("timings");
    assertThat(timings.getLong("retrievalMs")).isGreaterThanOrEqualTo(200);
    assertThat(timings.getLong("toneMs")).isGreaterThanOrEqualTo(200);
    assertThat(timings.getLong("totalMs")).as("timings %s", timings).isLessThan(380);
  }

  @Test
  @DisplayName("when the tone stage fails, the answer uses the default guideline and says tone_unavailable")
  void toneFails() throws Exception {
    server = TestServers.start();
    server.undeploy("ToneVerticle");
    JsonObject turn = ask("How much is overnight shipping?");
    assertThat(turn.getString("answer")).contains("29.99");
    assertThat(turn.getJsonArray("degraded")).contains("tone_unavailable");
  }

  @Test
  @DisplayName("when Chroma is down, the turn is still answered: degraded, says so, offers a human")
  void chromaDown() throws Exception {
    server = TestServers.startWithOwnChroma(new JsonObject().put("chroma", new JsonObject()
        .put("restart-when-dead", false).put("request-timeout-ms", 1000)));
    server.sidecar().stop();
    JsonObject turn = ask("What is the warranty on Alder & Finch gear?");
    assertThat(turn.getJsonArray("degraded")).contains("retrieval_unavailable");
    assertThat(turn.getString("answer")).contains("1-800-555-0199");
  }
}
