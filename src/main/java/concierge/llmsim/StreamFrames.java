package concierge.llmsim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The SSE frames of one streamed completion. A stream writes a frame per token (or small group),
 * so the content frame is built once as the text around the content and only the content is
 * encoded per frame; its shape still comes from {@link OpenAiFormat#chunk}.
 */
final class StreamFrames {

  static final String DONE = "data: [DONE]\n\n";
  private static final String MARK = "@llmsim-content@";

  private final CompletionPlan plan;
  private final long created;
  private final boolean includeUsage;
  private final String contentHead;
  private final String contentTail;

  StreamFrames(CompletionPlan plan, long created, boolean includeUsage) {
    this.plan = plan;
    this.created = created;
    this.includeUsage = includeUsage;
    String sample = OpenAiFormat.chunk(plan, created, OpenAiFormat.contentDelta(MARK), null, includeUsage).encode();
    int at = sample.indexOf('"' + MARK + '"');
    this.contentHead = "data: " + sample.substring(0, at);
    this.contentTail = sample.substring(at + MARK.length() + 2) + "\n\n";
  }

  Buffer role() {
    return frame(OpenAiFormat.chunk(plan, created, OpenAiFormat.roleDelta(), null, includeUsage).encode());
  }

  Buffer content(String text) {
    return Buffer.buffer(contentHead.length() + text.length() + contentTail.length() + 16)
        .appendString(contentHead).appendString(Json.encode(text)).appendString(contentTail);
  }

  Buffer finish() {
    return frame(OpenAiFormat.chunk(plan, created, new JsonObject(), plan.finishReason(),
        includeUsage).encode());
  }

  Buffer usage() {
    return frame(OpenAiFormat.usageChunk(plan, created).encode());
  }

  private static Buffer frame(String json) {
    return Buffer.buffer("data: ").appendString(json).appendString("\n\n");
  }
}
