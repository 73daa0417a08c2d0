package concierge.llmsim;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the simulator's tests that also keeps what arrived before a connection was cut. */
final class SimClient {

  /** What came back: status, headers, the body received, and whether the body ended normally. */
  record Reply(int status, MultiMap headers, String body, boolean complete, long elapsedMs) {

    JsonObject json() {
      return new JsonObject(body);
    }

    /** The {@code data:} payloads of an SSE body, in order. */
    List<String> events() {
      List<String> events = new ArrayList<>();
      for (String block : body.split("\n\n")) {
        if (block.startsWith("data: ")) {
          events.add(block.substring("data: ".length()));
        }
      }
      return events;
    }

    /** The streamed text: every content delta joined. */
    String streamedText() {
      StringBuilder text = new StringBuilder();
      for (String event : events()) {
        if (!event.equals("[DONE]")) {
          JsonArray choices = new JsonObject(event).getJsonArray("choices");
          if (!choices.isEmpty()) {
            text.append(choices.getJsonObject(0).getJsonObject("delta").getString("content", ""));
          }
        }
      }
      return text.toString();
    }
  }

  private final HttpClient http;
  private final int port;

  SimClient(Vertx vertx, int port) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false), new PoolOptions().setHttp1MaxSize(50));
    this.port = port;
  }

  Future<Reply> post(JsonObject body) {
    return send(HttpMethod.POST, "/v1/chat/completions", body.encode(), null);
  }

  Future<Reply> send(HttpMethod method, String path, String body, String bearer) {
    long started = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
    if (bearer != null) {
      options.putHeader("authorization", "Bearer " + bearer);
    }
    return http.request(options)
        .compose(request -> body == null ? request.send() : request.send(body))
        .compose(response -> {
          Promise<Reply> reply = Promise.promise();
          Buffer received = Buffer.buffer();
          response.handler(received::appendBuffer);
          response.endHandler(v -> reply.tryComplete(new Reply(response.statusCode(), response.headers(),
              received.toString(), true, (System.nanoTime() - started) / 1_000_000)));
          response.exceptionHandler(e -> reply.tryComplete(new Reply(response.statusCode(), response.headers(),
              received.toString(), false, (System.nanoTime() - started) / 1_000_000)));
          return reply.future();
        });
  }

  static JsonObject chat(String model, String question, boolean stream) {
    JsonObject body = new JsonObject().put("model", model).put("stream", stream)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", question)));
    return stream ? body.put("stream_options", new JsonObject().put("include_usage", true)) : body;
  }
}
