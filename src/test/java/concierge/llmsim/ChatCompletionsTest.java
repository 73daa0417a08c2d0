package concierge.llmsim;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ChatCompletionsTest {

  private LlmSimulator simulator;
  private SimClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(11L).withSpeed(0.01))
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          client = new SimClient(vertx, started.port());
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    simulator.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a non-streamed request gets a chat.completion with the answer and its usage")
  void completion(VertxTestContext ctx) {
    client.post(SimClient.chat("gpt-4", "Where is my parcel?", false)).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers().get("content-type")).startsWith("application/json");
      JsonObject completion = reply.json();
      assertThat(completion.getString("object")).isEqualTo("chat.completion");
      assertThat(completion.getString("id")).startsWith("chatcmpl-").isEqualTo(reply.headers().get("x-llmsim-request-id"));
      assertThat(completion.getString("model")).isEqualTo("gpt-4");
      assertThat(completion.getLong("created")).isPositive();
      JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
      assertThat(choice.getInteger("index")).isZero();
      assertThat(choice.getString("finish_reason")).isEqualTo("stop");
      String content = choice.getJsonObject("message").getString("content");
      assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
      assertThat(content).isNotBlank();
      JsonObject usage = completion.getJsonObject("usage");
      assertThat(usage.getInteger("completion_tokens")).isEqualTo(Tokenizer.count(content));
      assertThat(usage.getInteger("prompt_tokens")).isEqualTo(3 + 3 + Tokenizer.count("user")
          + Tokenizer.count("Where is my parcel?"));
      assertThat(usage.getInteger("total_tokens"))
          .isEqualTo(usage.getInteger("prompt_tokens") + usage.getInteger("completion_tokens"));
      RequestRecord record = simulator.requests().get(0);
      assertThat(record.id()).isEqualTo(completion.getString("id"));
      assertThat(record.outcome()).isEqualTo(Outcome.OK);
      assertThat(record.completionTokens()).isEqualTo(usage.getInteger("completion_tokens"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a streamed request gets OpenAI's chunks: role, content deltas, stop, usage, then [DONE]")
  void stream(VertxTestContext ctx) {
    client.post(SimClient.chat("gpt-4o", "Can I change my address?", true)).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.complete()).isTrue();
      assertThat(reply.headers().get("content-type")).startsWith("text/event-stream");
      assertThat(reply.body()).endsWith("data: [DONE]\n\n");
      List<String> events = reply.events();
      assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
      List<JsonObject> chunks = events.subList(0, events.size() - 1).stream().map(JsonObject::new).toList();
      String id = reply.headers().get("x-llmsim-request-id");
      assertThat(chunks).allSatisfy(chunk -> {
        assertThat(chunk.getString("id")).isEqualTo(id);
        assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk");
        assertThat(chunk.getString("model")).isEqualTo("gpt-4o");
        assertThat(chunk.getLong("created")).isPositive();
      });
      assertThat(choice(chunks.get(0)).getJsonObject("delta").getString("role")).isEqualTo("assistant");
      JsonObject stop = chunks.get(chunks.size() - 2);
      assertThat(choice(stop).getString("finish_reason")).isEqualTo("stop");
      assertThat(choice(stop).getJsonObject("delta")).isEqualTo(new JsonObject());
      chunks.subList(0, chunks.size() - 2).forEach(chunk -> assertThat(choice(chunk).getValue("finish_reason")).isNull());
      JsonObject last = chunks.get(chunks.size() - 1);
      assertThat(last.getJsonArray("choices")).isEmpty();
      JsonObject usage = last.getJsonObject("usage");
      String text = reply.streamedText();
      assertThat(text).isNotBlank();
      assertThat(usage.getInteger("completion_tokens")).isEqualTo(Tokenizer.count(text));
      assertThat(usage.getInteger("total_tokens"))
          .isEqualTo(usage.getInteger("prompt_tokens") + usage.getInteger("completion_tokens"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("tokens are paced: a slow model's answer arrives in several chunks, one per token or small group")
  void paced(Vertx vertx, VertxTestContext ctx) {
    // gpt-4 decodes 10-24 tokens/s: at speed 0.1 its tokens are 4-10 ms apart
    LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(3L).withSpeed(0.1))
        .compose(slower -> new SimClient(vertx, slower.port()).post(SimClient.chat("gpt-4", "Hi", true).put("max_tokens", 10))
            .eventually(slower::close))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          long contentChunks = reply.events().stream().filter(e -> e.contains("\"delta\":{\"content\":\"")).count();
          assertThat(contentChunks).isBetween(3L, 10L);
          assertThat(Tokenizer.count(reply.streamedText())).isEqualTo(10);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a stream without include_usage has no usage chunk and no usage field")
  void streamWithoutUsage(VertxTestContext ctx) {
    JsonObject body = SimClient.chat("gpt-4o-mini", "Hello", true);
    body.remove("stream_options");
    client.post(body).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      List<String> events = reply.events();
      assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
      assertThat(events.subList(0, events.size() - 1)).allSatisfy(event -> {
        assertThat(new JsonObject(event).containsKey("usage")).isFalse();
        assertThat(new JsonObject(event).getJsonArray("choices")).hasSize(1);
      });
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a chunk interval groups tokens into fewer chunks, and the last token still comes on time")
  void chunkInterval(Vertx vertx, VertxTestContext ctx) {
    LlmSimOptions grouped = LlmSimOptions.defaults().withSeed(3L).withSpeed(0.1).withChunkIntervalMs(1000);
    LlmSimulator.start(vertx, grouped)
        .compose(sim -> new SimClient(vertx, sim.port()).post(SimClient.chat("gpt-4", "Hi", true).put("max_tokens", 20))
            .map(reply -> {
              ctx.verify(() -> {
                long contentChunks = reply.events().stream().filter(e -> e.contains("\"delta\":{\"content\":\"")).count();
                assertThat(contentChunks).isBetween(1L, 3L);
                assertThat(Tokenizer.count(reply.streamedText())).isEqualTo(20);
                RequestRecord record = sim.requests().get(0);
                assertThat(record.totalMs()).isGreaterThanOrEqualTo(record.plannedTotalMs())
                    .isLessThan(record.plannedTotalMs() + 150);
              });
              return sim;
            })
            .compose(LlmSimulator::close))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("max_tokens caps the answer and the finish reason says length")
  void maxTokens(VertxTestContext ctx) {
    client.post(SimClient.chat("gpt-4o", "Hello", false).put("max_tokens", 3)).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      JsonObject completion = reply.json();
      assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(3);
      assertThat(completion.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("length");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("GET /v1/models lists the five preset models")
  void models(VertxTestContext ctx) {
    client.send(HttpMethod.GET, "/v1/models", null, null).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      JsonObject list = reply.json();
      assertThat(list.getString("object")).isEqualTo("list");
      assertThat(list.getJsonArray("data").stream().map(m -> ((JsonObject) m).getString("id")))
          .containsExactly("gpt-3.5-turbo", "gpt-4", "gpt-4-turbo", "gpt-4o", "gpt-4o-mini");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a request without messages gets OpenAI's invalid_request_error")
  void noMessages(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("model", "gpt-4").put("messages", new JsonArray());
    client.post(body).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.status()).isEqualTo(400);
      JsonObject error = reply.json().getJsonObject("error");
      assertThat(error.fieldNames()).containsExactlyInAnyOrder("message", "type", "param", "code");
      assertThat(error.getString("type")).isEqualTo("invalid_request_error");
      assertThat(error.getString("message")).contains("messages");
      assertThat(simulator.requests()).extracting(RequestRecord::outcome).containsExactly(Outcome.INVALID);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a body that is not JSON gets a 400 with param and code null")
  void badJson(VertxTestContext ctx) {
    client.send(HttpMethod.POST, "/v1/chat/completions", "{\"messages\": [", null)
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.status()).isEqualTo(400);
          assertThat(reply.json()).isEqualTo(new JsonObject().put("error", new JsonObject()
              .put("message", "We could not parse the JSON body of your request.")
              .put("type", "invalid_request_error").put("param", null).put("code", null)));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with a key configured, a request without the bearer key gets a 401 and one with it is answered")
  void bearerKey(Vertx vertx, VertxTestContext ctx) {
    LlmSimulator.start(vertx, LlmSimOptions.defaults().withSpeed(0.01).withApiKey("sk-test"))
        .compose(keyed -> {
          SimClient keyedClient = new SimClient(vertx, keyed.port());
          String body = SimClient.chat("gpt-4", "Hi", false).encode();
          return keyedClient.send(HttpMethod.POST, "/v1/chat/completions", body, "wrong")
              .compose(refused -> keyedClient.send(HttpMethod.POST, "/v1/chat/completions", body, "sk-test")
                  .map(accepted -> List.of(refused, accepted)))
              .eventually(keyed::close);
        })
        .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
          assertThat(replies.get(0).status()).isEqualTo(401);
          assertThat(replies.get(0).json().getJsonObject("error").getString("code")).isEqualTo("invalid_api_key");
          assertThat(replies.get(1).status()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  private static JsonObject choice(JsonObject chunk) {
    return chunk.getJsonArray("choices").getJsonObject(0);
  }
}
