package concierge.testing;

import concierge.ConciergeServer;
import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The project's LLM simulator as a real HTTP server on its own Vert.x, and a Concierge server
 * whose LLM it is (model gpt-4o-mini, cache off, then {@code overrides}); closed together.
 */
public record SimulatedLlm(Vertx vertx, LlmSimulator sim, ConciergeServer server) implements AutoCloseable {

  public static SimulatedLlm start(LlmSimOptions options, long seed, JsonObject overrides) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      LlmSimulator sim = LlmSimulator.start(vertx, options.withHost("127.0.0.1").withPort(0).withSeed(seed)).await();
      JsonObject config = new JsonObject()
          .put("llm", new JsonObject().put("model", "gpt-4o-mini").put("url", sim.baseUrl()))
          .put("cache", new JsonObject().put("enabled", false))
          .mergeIn(overrides, true);
      return new SimulatedLlm(vertx, sim, TestServers.start(config));
    } catch (Exception | Error e) {
      vertx.close().await();
      throw e;
    }
  }

  @Override
  public void close() {
    server.close();
    vertx.close().await();
  }
}
