package concierge.tone;

import concierge.Addresses;
import concierge.Replies;
import concierge.knowledge.KnowledgeConfig;
import concierge.knowledge.KnowledgeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/** Serves {@code concierge.tone}: the tone guideline for a turn, by intent and the customer's mood. */
public final class ToneVerticle extends VerticleBase {

  private ToneGuide guide;

  @Override
  public Future<?> start() {
    String dir = KnowledgeConfig.from(config()).dir();
    return vertx.executeBlocking(() -> new KnowledgeSource(dir).lines("tone/tone-guide.md"))
        .compose(lines -> {
          if (lines.isEmpty()) {
            return Future.failedFuture("the knowledge base has no tone/tone-guide.md");
          }
          guide = new ToneGuide(String.join("\n", lines));
          return vertx.eventBus().<JsonObject>consumer(Addresses.TONE, message -> Replies.answer(message, body -> {
            String text = body.getString("message", "");
            return Future.succeededFuture(guide.forTurn(body.getString("intent"), text,
                body.getString("customerName")).toJson());
          })).completion();
        });
  }
}
