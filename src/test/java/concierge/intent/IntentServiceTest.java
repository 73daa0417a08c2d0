package concierge.intent;

import concierge.embedding.Vectors;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The JSON of concierge.intent")
class IntentServiceTest {

  @Test
  @DisplayName("a request carries the message and, optionally, the Base64 vector")
  void request() {
    float[] vector = {0.25f, -0.5f, 1f};
    IntentService.Request request = IntentService.request(new JsonObject().put("message", "where is my order")
        .put("vector", Vectors.encode(vector)));
    assertThat(request.message()).isEqualTo("where is my order");
    assertThat(request.vector()).containsExactly(vector);
    assertThat(IntentService.request(new JsonObject().put("message", "hi")).vector()).isNull();
  }

  @Test
  @DisplayName("a request without a message, or with a vector that is not Base64, is refused")
  void badRequests() {
    assertThatThrownBy(() -> IntentService.request(new JsonObject())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IntentService.request(new JsonObject().put("message", "  ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IntentService.request(new JsonObject().put("message", 42)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IntentService.request(new JsonObject().put("message", "hi").put("vector", "%%%")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IntentService.request(new JsonObject().put("message", "hi").put("vector", 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a reply has the name, the confidence and the scores best first, rounded, and reads back")
  void reply() {
    IntentPrediction prediction = new IntentPrediction("order_status", 0.912345,
        Map.of("complaint", 0.05, "order_status", 0.912345, "policy_question", 0.02));
    JsonObject json = IntentService.encode(prediction);
    assertThat(json.getString("name")).isEqualTo("order_status");
    assertThat(json.getDouble("confidence")).isEqualTo(0.912);
    assertThat(new ArrayList<>(json.getJsonObject("scores").fieldNames()))
        .containsExactly("order_status", "complaint", "policy_question");
    IntentPrediction back = IntentService.decode(json);
    assertThat(back.name()).isEqualTo("order_status");
    assertThat(back.confidence()).isEqualTo(0.912);
    assertThat(back.scores()).containsEntry("complaint", 0.05);
  }
}
