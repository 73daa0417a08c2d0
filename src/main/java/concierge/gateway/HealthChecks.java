package concierge.gateway;

import concierge.chroma.ChromaStore;
import concierge.embedding.EmbeddingService;
import concierge.faults.Breakers;
import concierge.knowledge.KnowledgeService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Liveness and readiness of every component, each checked through the bus as callers use it,
 * each with a short timeout. Ready when every required component is UP.
 */
public final class HealthChecks {

  private record Check(Supplier<Future<?>> probe, boolean required) {
  }

  private final Vertx vertx;
  private final Map<String, Check> checks = new LinkedHashMap<>();

  public HealthChecks(Vertx vertx) {
    this.vertx = vertx;
    ChromaStore chroma = new ChromaStore(vertx, 1500);
    EmbeddingService embeddings = new EmbeddingService(vertx, 1500);
    KnowledgeService knowledge = new KnowledgeService(vertx);
    register("chroma", chroma::heartbeat, true);
    register("embedding", () -> embeddings.embed("health check"), true);
    concierge.orders.OrdersService orders = new concierge.orders.OrdersService(vertx, 1500);
    register("orders", orders::ping, false);
    register("knowledge", () -> knowledge.currentVersion().isEmpty()
        ? Future.failedFuture("not ingested yet") : Future.succeededFuture(), true);
  }

  public HealthChecks register(String component, Supplier<Future<?>> probe, boolean required) {
    checks.put(component, new Check(probe, required));
    return this;
  }

  /** {"status": "UP"|"DOWN", "ready": bool, "components": {name: {"status", "error"?}}, "breakers": {name: state}} */
  public Future<JsonObject> report() {
    List<String> names = new ArrayList<>(checks.keySet());
    List<Future<JsonObject>> results = new ArrayList<>();
    for (String name : names) {
      results.add(probe(checks.get(name)));
    }
    return Future.join(results).transform(ignored -> {
      JsonObject components = new JsonObject();
      boolean ready = true;
      for (int i = 0; i < names.size(); i++) {
        JsonObject status = results.get(i).result();
        components.put(names.get(i), status);
        ready &= !checks.get(names.get(i)).required() || "UP".equals(status.getString("status"));
      }
      return Future.succeededFuture(new JsonObject().put("status", ready ? "UP" : "DOWN").put("ready", ready)
          .put("knowledgeVersion", new KnowledgeService(vertx).currentVersion()).put("components", components)
          .put("breakers", Breakers.of(vertx).states()));
    });
  }

  private Future<JsonObject> probe(Check check) {
    Future<?> probe;
    try {
      probe = check.probe().get();
    } catch (RuntimeException e) {
      probe = Future.failedFuture(e);
    }
    return probe.timeout(2000, java.util.concurrent.TimeUnit.MILLISECONDS)
        .map(ok -> new JsonObject().put("status", "UP"))
        .otherwise(failure -> new JsonObject().put("status", "DOWN").put("error", shortly(failure)));
  }

  private static String shortly(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    return message.length() > 160 ? message.substring(0, 160) : message;
  }
}
