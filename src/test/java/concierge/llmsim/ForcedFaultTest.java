package concierge.llmsim;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A fault forced on the simulator at run time")
class ForcedFaultTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("POST /sim/fault 429 then 500 then none: requests get 429, then 500, then a whole answer again")
  void forcedThroughTheControlEndpoint() {
    LlmSimulator sim = LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(5L).withSpeed(0.01)).await();
    SimClient client = new SimClient(vertx, sim.port());
    WebClient web = WebClient.create(vertx);

    force(web, sim, "429");
    assertThat(client.post(SimClient.chat("gpt-4", "Hi", true)).await().status()).isEqualTo(429);
    force(web, sim, "500");
    assertThat(client.post(SimClient.chat("gpt-4", "Hi", true)).await().status()).isEqualTo(500);
    force(web, sim, "none");
    var reply = client.post(SimClient.chat("gpt-4", "Hi", true)).await();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("[DONE]");
    assertThat(sim.requests()).extracting(RequestRecord::outcome)
        .containsExactly(Outcome.RATE_LIMITED, Outcome.SERVER_ERROR, Outcome.OK);
  }

  @Test
  @DisplayName("a forced cut closes the stream after some tokens, without [DONE]")
  void forcedCut() {
    LlmSimulator sim = LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(5L).withSpeed(0.01)).await();
    sim.force(ForcedFault.CUT);
    client(sim).post(SimClient.chat("gpt-4", "Hi", true)).otherwiseEmpty().await();
    assertThat(sim.requests()).extracting(RequestRecord::outcome).containsExactly(Outcome.CUT);
  }

  @Test
  @DisplayName("an unknown fault name is refused with 400 and changes nothing")
  void unknownFault() {
    LlmSimulator sim = LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(5L).withSpeed(0.01)).await();
    int status = WebClient.create(vertx).post(sim.port(), "127.0.0.1", "/sim/fault")
        .sendJsonObject(new JsonObject().put("fault", "meltdown")).await().statusCode();
    assertThat(status).isEqualTo(400);
    assertThat(sim.forced()).isEqualTo(ForcedFault.NONE);
  }

  private SimClient client(LlmSimulator sim) {
    return new SimClient(vertx, sim.port());
  }

  private static void force(WebClient web, LlmSimulator sim, String fault) {
    JsonObject answer = web.post(sim.port(), "127.0.0.1", "/sim/fault")
        .sendJsonObject(new JsonObject().put("fault", fault)).await().bodyAsJsonObject();
    assertThat(answer.getString("fault")).isEqualTo(fault);
  }
}
