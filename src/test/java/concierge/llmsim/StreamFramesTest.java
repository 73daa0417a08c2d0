package concierge.llmsim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFramesTest {

  private static final CompletionPlan PLAN = new CompletionPlanner(1L, 1, TailRates.OFF)
      .plan(ChatRequest.parse(Buffer.buffer(SimClient.chat("gpt-4o", "Hi", true).encode())));

  @Test
  @DisplayName("a content frame is the same chunk OpenAiFormat builds, whatever the text holds")
  void contentFrame() {
    StreamFrames frames = new StreamFrames(PLAN, 1_700_000_000L, true);
    for (String text : new String[] {"plain", " \"quoted\" \\ back", "line\nbreak\ttab\r\u0001\u001f", "café 日本 🎁", ""}) {
      String frame = frames.content(text).toString();
      assertThat(frame).startsWith("data: ").endsWith("\n\n");
      JsonObject chunk = new JsonObject(frame.substring("data: ".length(), frame.length() - 2));
      assertThat(chunk).isEqualTo(OpenAiFormat.chunk(PLAN, 1_700_000_000L, OpenAiFormat.contentDelta(text), null, true));
    }
  }
}
