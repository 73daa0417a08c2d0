package concierge.validation;

import concierge.Addresses;
import concierge.Replies;
import concierge.generation.PromptBuilder;
import concierge.knowledge.KnowledgeConfig;
import concierge.knowledge.KnowledgeDocument;
import concierge.knowledge.KnowledgeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Serves {@code concierge.validation}: one sentence at a time, against the turn's grounding. */
public final class ValidationVerticle extends VerticleBase {

  private AnswerValidator validator;

  @Override
  public Future<?> start() {
    return load(vertx, config())
        .compose(loaded -> {
          validator = loaded;
          return vertx.eventBus().<JsonObject>consumer(Addresses.VALIDATION, message -> Replies.answer(message,
              body -> Future.succeededFuture(validator.check(ValidationService.sentence(body),
                  ValidationService.grounding(body)).toJson()))).completion();
        });
  }

  /** The validator of this configuration: the store's knowledge, the forbidden claims, the system prompt. */
  public static Future<AnswerValidator> load(Vertx vertx, JsonObject config) {
    String dir = KnowledgeConfig.from(config).dir();
    List<String> claims = forbiddenClaims(config);
    return vertx.executeBlocking(() -> new KnowledgeSource(dir).documents().stream()
            .filter(d -> d.folder().equals("policies") || d.folder().equals("products") || d.folder().equals("replies"))
            .map(KnowledgeDocument::text).collect(Collectors.joining("\n")))
        .map(knowledge -> new AnswerValidator(knowledge, claims, PromptBuilder.RULES));
  }

  static List<String> forbiddenClaims(JsonObject root) {
    JsonArray claims = root.getJsonObject("validation", new JsonObject()).getJsonArray("forbidden-claims", new JsonArray());
    List<String> list = new ArrayList<>();
    claims.forEach(claim -> list.add(String.valueOf(claim)));
    return list;
  }
}
