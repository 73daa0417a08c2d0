package concierge.knowledge;

import io.vertx.core.json.JsonObject;

/** What an ingest did: the resulting version and how many chunks were new, replaced, removed or kept. */
public record IngestReport(String version, String previousVersion, int upserted, int removed, int unchanged,
                           int sentences, long tookMs) {

  public boolean changed() {
    return !version.equals(previousVersion);
  }

  public JsonObject toJson() {
    return new JsonObject().put("version", version).put("previousVersion", previousVersion)
        .put("changed", changed()).put("upserted", upserted).put("removed", removed).put("unchanged", unchanged)
        .put("sentences", sentences).put("tookMs", tookMs);
  }

  public static IngestReport fromJson(JsonObject json) {
    return new IngestReport(json.getString("version"), json.getString("previousVersion"),
        json.getInteger("upserted"), json.getInteger("removed"), json.getInteger("unchanged"),
        json.getInteger("sentences"), json.getLong("tookMs"));
  }
}
