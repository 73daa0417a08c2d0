package concierge.llmsim;

import io.vertx.core.buffer.Buffer;
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
    StringBuilder frame = new StringBuilder(contentHead.length() + text.length() + contentTail.length() + 8)
        .append(contentHead).append('"');
    appendEscaped(frame, text);
    return Buffer.buffer(frame.append('"').append(contentTail).toString());
  }

  /** JSON string escaping, by hand: this runs for every token of every stream. */
  static void appendEscaped(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
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
