package concierge.agent;

import concierge.conversation.Conversation;
import concierge.cost.Usage;
import concierge.retrieval.RetrievedChunk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The state of one turn while the pipeline works on it, and the response it becomes. */
final class Turn {

  private static final Pattern ORDER_NUMBER = Pattern.compile("(?i)\\b(af-?|#)?\\d{6}\\b");

  final TurnRequest request;
  final String turnId;
  final String conversationId;
  final String stream;
  final long startedNanos = System.nanoTime();
  final Map<String, Long> timings = new LinkedHashMap<>();
  final Set<String> degraded = new LinkedHashSet<>();
  Conversation conversation;
  /** The signed-in customer's record, when the directory has one. */
  concierge.orders.Customer customer;
  /** The message with misspelt words corrected: what is embedded and classified. */
  String text;
  String question;
  boolean followUp;
  float[] vector;
  String intent = "policy_question";
  double confidence;
  List<RetrievedChunk> chunks = List.of();
  String answer = "";
  String cache = "miss";
  JsonObject action = new JsonObject().put("type", "none").put("status", "none").put("orderId", (String) null);
  /** When this turn answered "where should the order ship?": the earlier request and this message, as placed. */
  String orderRequest;
  /** The answer's own LLM call (none for the embedded generator or a cached answer). */
  Usage usage = Usage.none("embedded");
  /** The turn's other LLM calls: the intent model's, and an answer begun for a route the intent model changed. */
  final List<SideCall> sideCalls = new ArrayList<>();
  /** What the intent model said when it was asked: agreed, changed, unreadable or unavailable. */
  String secondOpinion;
  /** A draft whose route was changed: it must not start a generation. */
  boolean dropped;
  boolean personal;
  String toneVariant;
  boolean cacheLeader;
  Double savedUsd;
  JsonArray cachedSources;

  record SideCall(String purpose, Usage usage) {
  }

  Turn(TurnRequest request, String turnId, String conversationId, String stream) {
    this.request = request;
    this.turnId = turnId;
    this.conversationId = conversationId;
    this.stream = stream;
    this.text = request.message();
    this.question = request.message();
  }

  /**
   * A copy that answers the classifier's route while the intent model is asked, sending its frames
   * to {@code held} instead of the turn's stream.
   */
  Turn draft(String held) {
    Turn draft = new Turn(request, turnId, conversationId, held);
    draft.conversation = conversation;
    draft.customer = customer;
    draft.text = text;
    draft.question = question;
    draft.followUp = followUp;
    draft.vector = vector;
    draft.intent = intent;
    draft.confidence = confidence;
    return draft;
  }

  /** The intent model agreed with the draft's route: its answer becomes this turn's. */
  void adopt(Turn draft) {
    chunks = draft.chunks;
    answer = draft.answer;
    cache = draft.cache;
    usage = draft.usage;
    personal = draft.personal;
    toneVariant = draft.toneVariant;
    savedUsd = draft.savedUsd;
    cachedSources = draft.cachedSources;
    intent = draft.intent;
    confidence = draft.confidence;
    degraded.addAll(draft.degraded);
    draft.timings.forEach((stage, ms) -> timings.merge(stage, ms, Long::sum));
  }

  String customerId() {
    return request.customerId();
  }

  /** A turn whose meaning may depend on who asks: signed-in customers asking about orders are never
   * answered from the cache, but their knowledge questions are; the exact lookup is skipped only
   * when the message carries an order number. */
  boolean customerIdSensitive() {
    return ORDER_NUMBER.matcher(request.message()).find() || AccountFacts.asksAboutAccount(text);
  }

  void time(String stage, long startedNanos) {
    timings.merge(stage + "Ms", (System.nanoTime() - startedNanos) / 1_000_000, Long::sum);
  }

  JsonObject intentJson() {
    return new JsonObject().put("name", intent).put("confidence", Math.round(confidence * 1000) / 1000.0);
  }

  /** Every LLM call of the turn: totals, and each call when there was more than the answer's. */
  JsonObject usageJson() {
    Usage total = usage;
    for (SideCall call : sideCalls) {
      total = total.plus(call.usage());
    }
    JsonObject json = total.toJson();
    if (!sideCalls.isEmpty()) {
      JsonArray calls = new JsonArray();
      if (usage.hasTokens()) {
        calls.add(usage.toJson().put("purpose", "answer"));
      }
      sideCalls.forEach(call -> calls.add(call.usage().toJson().put("purpose", call.purpose())));
      json.put("calls", calls);
    }
    if (savedUsd != null) {
      json.put("savedUsd", savedUsd);
    }
    return json;
  }

  JsonObject response() {
    JsonArray sources = new JsonArray();
    chunks.forEach(chunk -> sources.add(chunk.toSource()));
    if (cachedSources != null) {
      sources.addAll(cachedSources);
    }
    JsonObject timing = new JsonObject().put("totalMs", (System.nanoTime() - startedNanos) / 1_000_000);
    timings.forEach(timing::put);
    JsonObject intentJson = intentJson();
    if (secondOpinion != null) {
      intentJson.put("secondOpinion", secondOpinion);
    }
    return new JsonObject().put("conversationId", conversationId).put("turnId", turnId).put("intent", intentJson)
        .put("answer", answer).put("sources", sources).put("cache", cache).put("action", action)
        .put("usage", usageJson()).put("timings", timing).put("degraded", new JsonArray(new ArrayList<>(degraded)));
  }

  /** The signed-in customer's name, when the directory knows it. */
  String customerName() {
    return customer == null ? null : customer.name();
  }

  String customerFirstName() {
    return customer == null ? null : customer.firstName();
  }

  /** What the conversation keeps of this turn. */
  JsonObject memory() {
    return new JsonObject().put("turnId", turnId).put("message", request.message()).put("question", question)
        .put("answer", answer).put("intent", intent).put("action", action).put("at", System.currentTimeMillis())
        .put("orderRequest", orderRequest);
  }
}
