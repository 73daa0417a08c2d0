package concierge.chroma;

import concierge.Addresses;
import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * How every other verticle reaches Chroma: requests on {@code concierge.chroma} to the single
 * {@link ChromaStoreVerticle}. This class is the only place where the service's JSON is written
 * and read (both sides use it).
 */
public final class ChromaStore {

  static final String ACTION = "action";

  private final Vertx vertx;
  private final long timeoutMs;

  public ChromaStore(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  public Future<List<ChromaHit>> query(String collection, float[] vector, int k, JsonObject where) {
    JsonObject body = new JsonObject().put("collection", collection).put("vector", Vectors.encode(vector))
        .put("k", k).put("where", where);
    return request("query", body).map(reply -> decodeHits(reply.getJsonArray("hits")));
  }

  public Future<Void> upsert(String collection, List<ChromaRecord> records) {
    return request("upsert", new JsonObject().put("collection", collection).put("records", encodeRecords(records)))
        .mapEmpty();
  }

  public Future<List<ChromaRecord>> get(String collection, JsonObject where, boolean withVectors) {
    return request("get", new JsonObject().put("collection", collection).put("where", where)
        .put("withVectors", withVectors))
        .map(reply -> decodeRecords(reply.getJsonArray("records")));
  }

  public Future<Integer> count(String collection) {
    return request("count", new JsonObject().put("collection", collection)).map(reply -> reply.getInteger("count"));
  }

  public Future<Void> delete(String collection, List<String> ids) {
    return request("delete", new JsonObject().put("collection", collection).put("ids", new JsonArray(new ArrayList<>(ids))))
        .mapEmpty();
  }

  public Future<Void> drop(String collection) {
    return request("drop", new JsonObject().put("collection", collection)).mapEmpty();
  }

  public Future<Void> heartbeat() {
    return request("heartbeat", new JsonObject()).mapEmpty();
  }

  private Future<JsonObject> request(String action, JsonObject body) {
    DeliveryOptions options = new DeliveryOptions().addHeader(ACTION, action).setSendTimeout(timeoutMs);
    return vertx.eventBus().<JsonObject>request(Addresses.CHROMA, body, options).map(message -> message.body());
  }

  static JsonArray encodeHits(List<ChromaHit> hits) {
    JsonArray array = new JsonArray();
    for (ChromaHit hit : hits) {
      array.add(new JsonObject().put("id", hit.id()).put("document", hit.document())
          .put("metadata", hit.metadata()).put("distance", hit.distance()));
    }
    return array;
  }

  static List<ChromaHit> decodeHits(JsonArray array) {
    List<ChromaHit> hits = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject hit = array.getJsonObject(i);
      hits.add(new ChromaHit(hit.getString("id"), hit.getString("document"), hit.getJsonObject("metadata"),
          hit.getDouble("distance")));
    }
    return hits;
  }

  static JsonArray encodeRecords(List<ChromaRecord> records) {
    JsonArray array = new JsonArray();
    for (ChromaRecord record : records) {
      array.add(new JsonObject().put("id", record.id())
          .put("vector", record.vector() == null ? null : Vectors.encode(record.vector()))
          .put("document", record.document()).put("metadata", record.metadata()));
    }
    return array;
  }

  static List<ChromaRecord> decodeRecords(JsonArray array) {
    List<ChromaRecord> records = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject record = array.getJsonObject(i);
      String vector = record.getString("vector");
      records.add(new ChromaRecord(record.getString("id"), vector == null ? null : Vectors.decode(vector),
          record.getString("document"), record.getJsonObject("metadata")));
    }
    return records;
  }
}
