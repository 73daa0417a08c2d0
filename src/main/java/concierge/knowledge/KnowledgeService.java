package concierge.knowledge;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/** Requests to {@code concierge.knowledge}: ingest and the current version. */
public final class KnowledgeService {

  public static final String ADDRESS = "concierge.knowledge";
  static final String ACTION = "action";
  /** Local shared map where the current knowledge-base version is kept for fast reads. */
  public static final String VERSION_MAP = "concierge.knowledge";

  private final Vertx vertx;

  public KnowledgeService(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<IngestReport> ingest() {
    return vertx.eventBus().<JsonObject>request(ADDRESS, new JsonObject(),
            new DeliveryOptions().addHeader(ACTION, "ingest").setSendTimeout(600_000))
        .map(reply -> IngestReport.fromJson(reply.body()));
  }

  /** The version a node with the knowledge base has ("" before its first ingest or read). */
  public Future<String> requestVersion(long timeoutMs) {
    return vertx.eventBus().<JsonObject>request(ADDRESS, new JsonObject(),
            new DeliveryOptions().addHeader(ACTION, "version").setSendTimeout(timeoutMs))
        .map(reply -> reply.body().getString("version", ""));
  }

  /** Records a version announced on {@code concierge.knowledge.changed} (by this node or another). */
  public void adoptVersion(String version) {
    vertx.sharedData().getLocalMap(VERSION_MAP).put("version", version);
  }

  /** The version in use on this node ("" before the first ingest or read). */
  public String currentVersion() {
    Object version = vertx.sharedData().getLocalMap(VERSION_MAP).get("version");
    return version == null ? "" : version.toString();
  }

  static void publishVersion(Vertx vertx, String version) {
    vertx.sharedData().getLocalMap(VERSION_MAP).put("version", version);
    vertx.eventBus().publish(Addresses.KNOWLEDGE_CHANGED, new JsonObject().put("version", version));
  }
}
