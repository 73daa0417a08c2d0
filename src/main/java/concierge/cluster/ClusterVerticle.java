package concierge.cluster;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part in the cluster's bookkeeping of turns: receives "I took turn t" from pipeline
 * nodes at {@code concierge.custody.<nodeId>}, and when a node leaves, fails the turns it held
 * (see {@link TurnCustody}). Deployed once per clustered node, before the gateway.
 */
public final class ClusterVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterVerticle.class);
  /** Local map of the node's cluster state: {@code custody} → the node's {@link TurnCustody}. */
  public static final String LOCAL_MAP = "concierge.cluster";

  private TurnCustody custody;

  @Override
  public Future<?> start() {
    String nodeId = config().getJsonObject("cluster").getString("node-id");
    ClusterConfig cluster = ClusterConfig.from(config());
    custody = new TurnCustody(Addresses.custody(nodeId), cluster.acceptTimeoutMs());
    LocalMap<String, Object> map = vertx.sharedData().getLocalMap(LOCAL_MAP);
    map.put("custody", custody);
    map.put("remote-pipeline", !cluster.roles().pipeline());
    vertx.setPeriodic(Math.max(100, cluster.acceptTimeoutMs() / 4), id -> {
      int lost = custody.sweep(System.nanoTime());
      if (lost > 0) {
        LOG.warn("{} turns were not taken by any node in time", lost);
      }
    });
    return Future.all(
        vertx.eventBus().<JsonObject>consumer(custody.address(), message ->
            custody.taken(message.body().getString("turnId"), message.body().getString("node"))).completion(),
        vertx.eventBus().<String>localConsumer(Addresses.NODE_LEFT, message -> {
          int lost = custody.nodeLeft(message.body());
          LOG.warn("node {} left the cluster; {} turns it held fail as retryable", message.body(), lost);
        }).completion());
  }

  @Override
  public Future<?> stop() {
    vertx.sharedData().getLocalMap(LOCAL_MAP).remove("custody");
    vertx.sharedData().getLocalMap(LOCAL_MAP).remove("remote-pipeline");
    return Future.succeededFuture();
  }

  /**
   * True on a clustered node without the pipeline role: its turns run on other nodes, so the
   * frames of a streamed turn must come over the cluster (a cluster-wide consumer), not locally.
   */
  public static boolean pipelineElsewhere(io.vertx.core.Vertx vertx) {
    return Boolean.TRUE.equals(vertx.sharedData().getLocalMap(LOCAL_MAP).get("remote-pipeline"));
  }

  /** The node's custody, or null when the node is not clustered. */
  public static TurnCustody custody(io.vertx.core.Vertx vertx) {
    return (TurnCustody) vertx.sharedData().getLocalMap(LOCAL_MAP).get("custody");
  }
}
