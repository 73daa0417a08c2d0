package concierge.agent;

import concierge.Addresses;
import concierge.ErrorCode;
import concierge.knowledge.KnowledgeConfig;
import concierge.knowledge.KnowledgeDocument;
import concierge.knowledge.KnowledgeSource;
import concierge.metrics.TurnMetrics;
import concierge.retrieval.RetrievalConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@code concierge.chat}: runs each turn through the {@link TurnPipeline}, replies with
 * the response JSON of the API, sends the closing frame to the turn's stream, and publishes the
 * finished turn on {@code concierge.turns}. One INFO line per turn, with ids and timings only.
 */
public final class AgentVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AgentVerticle.class);

  /** The embedding model's word-piece vocabulary, shipped with it: its whole words are known English. */
  private static final String ENGLISH_WORDS = "/bert-vocabulary-en.txt";

  private AgentConfig settings;
  private TurnPipeline pipeline;
  private String nodeId;
  private final TurnMetrics metrics = new TurnMetrics();

  @Override
  public Future<?> start() {
    settings = AgentConfig.from(config());
    nodeId = config().getJsonObject("cluster", new JsonObject()).getString("node-id", "");
    String dir = KnowledgeConfig.from(config()).dir();
    int topN = RetrievalConfig.from(config()).topN();
    return vertx.executeBlocking(() -> new KnowledgeSource(dir).documents())
        .compose(documents -> {
          String replies = documents.stream().filter(d -> d.path().equals("replies/replies.md"))
              .map(KnowledgeDocument::text).findFirst().orElse("");
          pipeline = new TurnPipeline(vertx, new ReadyReplies(replies), spelling(documents), topN, config());
          return vertx.eventBus().<JsonObject>consumer(Addresses.CHAT, this::handle).completion();
        });
  }

  private static Spelling spelling(List<KnowledgeDocument> documents) {
    List<String> shop = documents.stream().filter(d -> !d.path().startsWith("intents/"))
        .map(KnowledgeDocument::text).toList();
    List<String> examples = documents.stream().filter(d -> d.path().startsWith("intents/"))
        .map(KnowledgeDocument::text).toList();
    return Spelling.of(shop, examples, Spelling.englishVocabulary(ENGLISH_WORDS));
  }

  private void handle(Message<JsonObject> message) {
    TurnRequest request;
    try {
      request = TurnRequest.from(message.body(), settings.maxMessageChars());
    } catch (IllegalArgumentException e) {
      message.fail(ErrorCode.INVALID_REQUEST.status(), e.getMessage());
      return;
    }
    String turnId = message.headers().contains(ChatService.TURN_HEADER) ? message.headers().get(ChatService.TURN_HEADER)
        : Ids.turn();
    String conversationId = request.conversationId() != null ? request.conversationId() : Ids.conversation();
    String stream = message.headers().get(ChatService.STREAM_HEADER);
    String custody = message.headers().get(ChatService.CUSTODY_HEADER);
    if (custody != null) {
      vertx.eventBus().send(custody, new JsonObject().put("turnId", turnId).put("node", nodeId));
    }
    Turn turn = new Turn(request, turnId, conversationId, stream);
    pipeline.run(turn)
        .timeout(settings.turnTimeoutMs(), TimeUnit.MILLISECONDS)
        .onSuccess(response -> finish(message, turn, response))
        .onFailure(failure -> fail(message, turn, failure));
  }

  private void finish(Message<JsonObject> message, Turn turn, JsonObject response) {
    if (turn.stream != null) {
      vertx.eventBus().send(turn.stream, new JsonObject().put("type", "end").put("turn", response));
    }
    message.reply(response);
    metrics.record(response);
    JsonObject timings = response.getJsonObject("timings");
    LOG.info("turn {} conversation {} intent {} cache {} total {} ms first {} ms tokens {}+{} degraded {}",
        turn.turnId, turn.conversationId, turn.intent, turn.cache, timings.getLong("totalMs"),
        timings.getLong("firstTokenMs", 0L), turn.usage.promptTokens(), turn.usage.completionTokens(), turn.degraded);
    if (settings.publishTurns()) {
      vertx.eventBus().publish(Addresses.TURNS, response.copy().put("customerId", turn.customerId())
          .put("message", turn.request.message()));
    }
  }

  private void fail(Message<JsonObject> message, Turn turn, Throwable failure) {
    ErrorCode code = failure instanceof java.util.concurrent.TimeoutException ? ErrorCode.TIMEOUT : ErrorCode.of(failure);
    String text = failure instanceof ReplyException && code != ErrorCode.INTERNAL ? failure.getMessage()
        : code == ErrorCode.TIMEOUT ? "the answer took too long; please try again" : "the turn could not be answered";
    if (code == ErrorCode.INTERNAL) {
      LOG.warn("turn {} failed", turn.turnId, failure);
    }
    if (turn.stream != null) {
      vertx.eventBus().send(turn.stream, new JsonObject().put("type", "error")
          .put("error", new JsonObject().put("code", code.code()).put("message", text)).put("status", code.status()));
    }
    message.fail(code.status(), text);
  }
}
