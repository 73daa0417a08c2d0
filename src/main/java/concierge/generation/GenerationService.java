package concierge.generation;

import concierge.Addresses;
import concierge.cost.Usage;
import concierge.embedding.Vectors;
import concierge.retrieval.RetrievedChunk;
import concierge.tone.ToneGuideline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests to {@code concierge.generation}; the only class that writes and reads its JSON.
 * Validated sentences are sent to the request's stream address as {"type":"delta","text":...}
 * while the answer is written; the reply is the whole answer. A generation cancelled through
 * {@link #cancelAddress} replies {@code cancelled} with what it had cost.
 */
public final class GenerationService {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public GenerationService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public Future<Generated> generate(GenerationRequest request, List<String> grounding) {
    JsonArray chunks = new JsonArray();
    request.chunks().forEach(chunk -> chunks.add(chunk.toJson()));
    JsonObject body = new JsonObject().put("turnId", request.turnId()).put("intent", request.intent())
        .put("question", request.question()).put("vector", Vectors.encode(request.vector()))
        .put("chunks", chunks).put("tone", request.tone().toJson())
        .put("history", new JsonArray(new ArrayList<>(request.history()))).put("stream", request.streamAddress())
        .put("grounding", new JsonArray(new ArrayList<>(grounding)));
    return vertx.eventBus().<JsonObject>request(Addresses.GENERATION, body, options).map(reply -> decode(reply.body()));
  }

  static GenerationRequest request(JsonObject body) {
    JsonArray chunks = body.getJsonArray("chunks", new JsonArray());
    List<RetrievedChunk> list = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      list.add(RetrievedChunk.fromJson(chunks.getJsonObject(i)));
    }
    JsonArray history = body.getJsonArray("history", new JsonArray());
    List<JsonObject> turns = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      turns.add(history.getJsonObject(i));
    }
    JsonObject tone = body.getJsonObject("tone");
    return new GenerationRequest(body.getString("turnId"), body.getString("intent"), body.getString("question", ""),
        Vectors.decode(body.getString("vector")), list, tone == null ? ToneGuideline.DEFAULT : ToneGuideline.fromJson(tone),
        turns, body.getString("stream"));
  }

  static List<String> grounding(JsonObject body) {
    List<String> grounding = new ArrayList<>();
    body.getJsonArray("grounding", new JsonArray()).forEach(item -> grounding.add(String.valueOf(item)));
    return grounding;
  }

  static JsonObject encode(Generated generated) {
    return new JsonObject().put("text", generated.text()).put("provider", generated.provider())
        .put("usage", generated.usage().toJson()).put("firstTokenMs", generated.firstTokenMs())
        .put("sentencesRemoved", generated.sentencesRemoved())
        .put("degraded", new JsonArray(new ArrayList<>(generated.degraded())))
        .put("cancelled", generated.cancelled());
  }

  private static Generated decode(JsonObject reply) {
    List<String> degraded = new ArrayList<>();
    reply.getJsonArray("degraded", new JsonArray()).forEach(d -> degraded.add(String.valueOf(d)));
    return new Generated(reply.getString("text"), reply.getString("provider"), Usage.fromJson(reply.getJsonObject("usage")),
        reply.getLong("firstTokenMs", 0L), reply.getInteger("sentencesRemoved", 0), degraded,
        reply.getLong("validationUs", 0L), reply.getBoolean("cancelled", false));
  }

  /** The address a turn's listener uses to stop its generation. */
  public static String cancelAddress(String streamAddress) {
    return streamAddress + ".cancel";
  }
}
