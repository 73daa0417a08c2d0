package concierge.chroma;

import concierge.testing.TestChroma;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ChromaStoreVerticle, against a real Chroma server")
class ChromaStoreVerticleIT {

  private static Vertx vertx;
  private static ChromaStore store;
  private static String deployment;

  @BeforeAll
  static void deploy() {
    vertx = Vertx.vertx();
    deployment = vertx.deployVerticle(new ChromaStoreVerticle(TestChroma.url()),
        new DeploymentOptions().setConfig(new JsonObject())).await();
    store = new ChromaStore(vertx, 5000);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private static float[] unit(int hot) {
    float[] v = new float[384];
    v[hot] = 1f;
    return v;
  }

  @Test
  @DisplayName("a second deployment fails loudly: there is exactly one Chroma client")
  void secondDeploymentFails() {
    assertThatThrownBy(() -> vertx.deployVerticle(new ChromaStoreVerticle(TestChroma.url())).await())
        .hasMessageContaining("exactly once");
  }

  @Test
  @DisplayName("upsert, query top-k with a where filter, count, delete and drop work over the bus")
  void crud() {
    String collection = "t-" + UUID.randomUUID().toString().substring(0, 8);
    store.upsert(collection, List.of(
        new ChromaRecord("a", unit(0), "alpha", new JsonObject().put("kind", "x")),
        new ChromaRecord("b", unit(1), "beta", new JsonObject().put("kind", "y")),
        new ChromaRecord("c", unit(2), "gamma", new JsonObject().put("kind", "x")))).await();
    assertThat(store.count(collection).await()).isEqualTo(3);

    List<ChromaHit> nearest = store.query(collection, unit(1), 1, null).await();
    assertThat(nearest).extracting(ChromaHit::id).containsExactly("b");
    assertThat(nearest.get(0).similarity()).isGreaterThan(0.99);

    List<ChromaHit> filtered = store.query(collection, unit(1), 3, new JsonObject().put("kind", "x")).await();
    assertThat(filtered).extracting(ChromaHit::id).containsExactlyInAnyOrder("a", "c");

    store.delete(collection, List.of("a")).await();
    assertThat(store.count(collection).await()).isEqualTo(2);
    store.drop(collection).await();
    assertThat(store.count(collection).await()).isZero();
  }

  @Test
  @DisplayName("an unknown action is a clear invalid_request, not a hang")
  void unknownAction() {
    assertThatThrownBy(() -> vertx.eventBus().request("concierge.chroma", new JsonObject(),
        new io.vertx.core.eventbus.DeliveryOptions().addHeader("action", "explode")).await())
        .hasMessageContaining("unknown chroma action");
  }
}
