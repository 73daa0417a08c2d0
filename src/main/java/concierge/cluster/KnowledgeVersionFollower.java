package concierge.cluster;

import concierge.Addresses;
import concierge.knowledge.KnowledgeService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's copy of the knowledge-base version (a per-JVM local map, read on every turn)
 * in step with the cluster: adopts every version announced on {@code concierge.knowledge.changed}
 * by any node's ingest, and at start asks a node that has the knowledge base (a gateway-only node
 * has none of its own) until it gets one. So after a re-ingest on one node every node keys its
 * answer cache by the new version, and every node's cache has dropped the old answers.
 */
public final class KnowledgeVersionFollower extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeVersionFollower.class);
  private static final long ASK_EVERY_MS = 2000;

  private KnowledgeService knowledge;

  @Override
  public Future<?> start() {
    knowledge = new KnowledgeService(vertx);
    return vertx.eventBus().<JsonObject>consumer(Addresses.KNOWLEDGE_CHANGED, message -> {
      String version = message.body() == null ? null : message.body().getString("version");
      if (version != null && !version.isEmpty()) {
        knowledge.adoptVersion(version);
      }
    }).completion().onSuccess(v -> askUntilKnown());
  }

  private void askUntilKnown() {
    if (!knowledge.currentVersion().isEmpty()) {
      return;
    }
    knowledge.requestVersion(ASK_EVERY_MS)
        .onSuccess(version -> {
          if (!version.isEmpty() && knowledge.currentVersion().isEmpty()) {
            knowledge.adoptVersion(version);
            LOG.info("knowledge-base version {} adopted from the cluster", version);
          }
        })
        .onComplete(done -> {
          if (knowledge.currentVersion().isEmpty()) {
            vertx.setTimer(ASK_EVERY_MS, id -> askUntilKnown());
          }
        });
  }
}
