package concierge.llmsim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON bodies of OpenAI's chat-completions API, written in exactly one place. */
final class OpenAiFormat {

  private OpenAiFormat() {
  }

  /** One {@code chat.completion.chunk}; {@code usage: null} is present on every chunk when usage was asked for. */
  static JsonObject chunk(CompletionPlan plan, long created, JsonObject delta, String finishReason,
                          boolean includeUsage) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).put("logprobs", null)
        .put("finish_reason", finishReason);
    JsonObject chunk = head(plan, "chat.completion.chunk", created).put("choices", new JsonArray().add(choice));
    return includeUsage ? chunk.put("usage", null) : chunk;
  }

  /** The extra last chunk of a stream with {@code stream_options.include_usage}: no choices, the usage. */
  static JsonObject usageChunk(CompletionPlan plan, long created) {
    return head(plan, "chat.completion.chunk", created).put("choices", new JsonArray()).put("usage", usage(plan));
  }

  static JsonObject roleDelta() {
    return new JsonObject().put("role", "assistant").put("content", "").put("refusal", null);
  }

  static JsonObject contentDelta(String content) {
    return new JsonObject().put("content", content);
  }

  static JsonObject completion(CompletionPlan plan, long created) {
    JsonObject message = new JsonObject().put("role", "assistant").put("content", plan.answer().text())
        .put("refusal", null);
    JsonObject choice = new JsonObject().put("index", 0).put("message", message).put("logprobs", null)
        .put("finish_reason", plan.finishReason());
    return head(plan, "chat.completion", created).put("choices", new JsonArray().add(choice))
        .put("usage", usage(plan));
  }

  static JsonObject models(Iterable<String> names) {
    JsonArray data = new JsonArray();
    for (String name : names) {
      data.add(new JsonObject().put("id", name).put("object", "model").put("created", 0).put("owned_by", "llm-sim"));
    }
    return new JsonObject().put("object", "list").put("data", data);
  }

  private static JsonObject head(CompletionPlan plan, String object, long created) {
    return new JsonObject().put("id", plan.id()).put("object", object).put("created", created)
        .put("model", plan.model()).put("system_fingerprint", null);
  }

  private static JsonObject usage(CompletionPlan plan) {
    return new JsonObject().put("prompt_tokens", plan.promptTokens())
        .put("completion_tokens", plan.completionTokens())
        .put("total_tokens", plan.promptTokens() + plan.completionTokens());
  }
}
