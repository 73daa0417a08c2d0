package concierge.chroma;

import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small non-blocking client for Chroma's v2 HTTP API (Chroma 1.x), on vertx-web-client.
 * Every call has a timeout. Collection ids are cached by name and forgotten when Chroma answers
 * 404, so a restarted or re-created server is picked up again without a restart of ours.
 */
public final class ChromaClient {

  private static final String BASE = "/api/v2/tenants/default_tenant/databases/default_database";

  private final WebClient client;
  private final long timeoutMs;
  private final Map<String, String> collectionIds = new ConcurrentHashMap<>();

  public ChromaClient(Vertx vertx, String url, long timeoutMs) {
    URI uri = URI.create(url);
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost(uri.getHost())
        .setDefaultPort(uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80))
        .setSsl("https".equals(uri.getScheme()))
        .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE))
        .setKeepAlive(true)
        .setUserAgent("concierge"), new PoolOptions().setHttp1MaxSize(32));
    this.timeoutMs = timeoutMs;
  }

  public Future<Void> heartbeat() {
    return send(HttpMethod.GET, "/api/v2/heartbeat", null).mapEmpty();
  }

  /** Creates the collection (cosine space) or gets it; returns its id. */
  public Future<String> ensureCollection(String name) {
    String cached = collectionIds.get(name);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    JsonObject body = new JsonObject().put("name", name).put("get_or_create", true)
        .put("configuration", new JsonObject().put("hnsw", new JsonObject().put("space", "cosine")));
    return send(HttpMethod.POST, BASE + "/collections", body)
        .map(response -> response.bodyAsJsonObject().getString("id"))
        .onSuccess(id -> collectionIds.put(name, id));
  }

  public Future<Void> upsert(String collection, List<ChromaRecord> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonArray ids = new JsonArray();
    JsonArray embeddings = new JsonArray();
    JsonArray documents = new JsonArray();
    JsonArray metadatas = new JsonArray();
    for (ChromaRecord record : records) {
      ids.add(record.id());
      embeddings.add(Vectors.toJson(record.vector()));
      documents.add(record.document());
      metadatas.add(record.metadata() == null ? new JsonObject() : record.metadata());
    }
    JsonObject body = new JsonObject().put("ids", ids).put("embeddings", embeddings)
        .put("documents", documents).put("metadatas", metadatas);
    return onCollection(collection, "/upsert", body).mapEmpty();
  }

  public Future<List<ChromaHit>> query(String collection, float[] vector, int k, JsonObject where) {
    JsonObject body = new JsonObject()
        .put("query_embeddings", new JsonArray().add(Vectors.toJson(vector)))
        .put("n_results", k)
        .put("include", new JsonArray().add("documents").add("metadatas").add("distances"));
    if (where != null && !where.isEmpty()) {
      body.put("where", where);
    }
    return onCollection(collection, "/query", body).map(response -> hits(response.bodyAsJsonObject()));
  }

  /** Records matching {@code where} (all when null), with documents, metadatas and optionally vectors. */
  public Future<List<ChromaRecord>> get(String collection, JsonObject where, boolean withVectors) {
    JsonArray include = new JsonArray().add("documents").add("metadatas");
    if (withVectors) {
      include.add("embeddings");
    }
    JsonObject body = new JsonObject().put("include", include);
    if (where != null && !where.isEmpty()) {
      body.put("where", where);
    }
    return onCollection(collection, "/get", body).map(response -> records(response.bodyAsJsonObject()));
  }

  public Future<Integer> count(String collection) {
    return ensureCollection(collection)
        .compose(id -> send(HttpMethod.GET, BASE + "/collections/" + id + "/count", null))
        .map(response -> Integer.parseInt(response.bodyAsString().trim()));
  }

  public Future<Void> delete(String collection, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return onCollection(collection, "/delete", new JsonObject().put("ids", new JsonArray(new ArrayList<>(ids))))
        .mapEmpty();
  }

  public Future<Void> drop(String collection) {
    collectionIds.remove(collection);
    return send(HttpMethod.DELETE, BASE + "/collections/" + collection, null)
        .recover(failure -> failure instanceof ChromaException e && e.status() == 404
            ? Future.succeededFuture() : Future.failedFuture(failure))
        .mapEmpty();
  }

  public void close() {
    client.close();
  }

  private Future<HttpResponse<Buffer>> onCollection(String collection, String action, JsonObject body) {
    return ensureCollection(collection)
        .compose(id -> send(HttpMethod.POST, BASE + "/collections/" + id + action, body))
        .recover(failure -> {
          if (failure instanceof ChromaException e && e.status() == 404 && collectionIds.remove(collection) != null) {
            return ensureCollection(collection)
                .compose(id -> send(HttpMethod.POST, BASE + "/collections/" + id + action, body));
          }
          return Future.failedFuture(failure);
        });
  }

  private Future<HttpResponse<Buffer>> send(HttpMethod method, String path, JsonObject body) {
    var request = client.request(method, path).timeout(timeoutMs);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.compose(response -> response.statusCode() / 100 == 2
        ? Future.succeededFuture(response)
        : Future.failedFuture(new ChromaException(response.statusCode(), path, response.bodyAsString())));
  }

  private static List<ChromaHit> hits(JsonObject body) {
    JsonArray ids = body.getJsonArray("ids").getJsonArray(0);
    JsonArray documents = body.getJsonArray("documents").getJsonArray(0);
    JsonArray metadatas = body.getJsonArray("metadatas").getJsonArray(0);
    JsonArray distances = body.getJsonArray("distances").getJsonArray(0);
    List<ChromaHit> hits = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      JsonObject metadata = metadatas.getJsonObject(i);
      hits.add(new ChromaHit(ids.getString(i), documents.getString(i),
          metadata == null ? new JsonObject() : metadata, distances.getDouble(i)));
    }
    return hits;
  }

  private static List<ChromaRecord> records(JsonObject body) {
    JsonArray ids = body.getJsonArray("ids");
    JsonArray documents = body.getJsonArray("documents");
    JsonArray metadatas = body.getJsonArray("metadatas");
    JsonArray embeddings = body.getJsonArray("embeddings");
    List<ChromaRecord> records = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      float[] vector = embeddings == null ? null : Vectors.fromJson(embeddings.getJsonArray(i));
      JsonObject metadata = metadatas == null ? null : metadatas.getJsonObject(i);
      records.add(new ChromaRecord(ids.getString(i), vector,
          documents == null ? null : documents.getString(i), metadata == null ? new JsonObject() : metadata));
    }
    return records;
  }
}
