package concierge.embedding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Embedding requests as the verticle reads them")
class EmbeddingServiceTest {

  @Test
  @DisplayName("a text the model reads as nothing is refused before it can fail a whole micro-batch")
  void emptyTextRefused() {
    JsonObject request = new JsonObject().put("texts", new JsonArray().add("returns?").add("\u0301"));
    assertThatThrownBy(() -> EmbeddingService.texts(request)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("texts must not be empty");
    assertThat(EmbeddingService.texts(new JsonObject().put("texts", new JsonArray().add("returns?"))))
        .containsExactly("returns?");
  }
}
