package concierge.generation;

import concierge.cost.TokenCounter;
import concierge.faults.Breakers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

import java.util.function.Consumer;

/**
 * Any OpenAI-compatible {@code /chat/completions} endpoint, streamed ({@code stream: true} with
 * usage in the last chunk), on the Vert.x HTTP client with the SSE parsed as it arrives. A
 * connect, first-token and total timeout bound every call; 429 and 5xx are retried with backoff
 * only before the first token (after it, a retry would repeat text the customer has seen).
 * The API key goes in a header and nowhere else. A breaker (breakers.llm) stops calling an LLM that
 * keeps failing: while it is open, a call fails at once and the embedded generator answers.
 */
public final class OpenAiProvider implements AnswerProvider {

  private final Vertx vertx;
  private final GenerationConfig settings;
  private final HttpClient client;
  private final Breakers.Breaker breaker;

  public OpenAiProvider(Vertx vertx, GenerationConfig settings) {
    this(vertx, settings, new JsonObject());
  }

  /** With the breakers.llm settings of {@code root}: one breaker per node, shared by every instance. */
  public OpenAiProvider(Vertx vertx, GenerationConfig settings, JsonObject root) {
    this.vertx = vertx;
    this.settings = settings;
    this.breaker = Breakers.of(vertx).breaker(Breakers.LLM, root, OpenAiProvider::countsAgainstLlm);
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(settings.connectTimeoutMs())
        .setKeepAlive(true).setIdleTimeout(120), new PoolOptions().setHttp1MaxSize(500));
  }

  @Override
  public Future<Draft> write(GenerationRequest request, Consumer<String> onText, Cancellation cancellation) {
    JsonArray messages = PromptBuilder.messages(request);
    JsonObject body = new JsonObject().put("model", settings.model()).put("messages", messages).put("stream", true)
        .put("stream_options", new JsonObject().put("include_usage", true))
        .put("max_tokens", settings.maxTokens()).put("temperature", settings.temperature());
    return breaker.call(() -> attempt(body, onText, cancellation, 0));
  }

  /** A call that ended because nobody listened any more says nothing about the LLM. */
  static boolean countsAgainstLlm(Throwable failure) {
    return !(failure instanceof LlmException e && e.status() == 499);
  }

  /** A single non-streamed completion (used for the small intent model). */
  public Future<String> complete(String model, JsonArray messages, long timeoutMs) {
    return complete(model, messages, 20, timeoutMs);
  }

  /** A single non-streamed completion of at most {@code maxTokens}. */
  public Future<String> complete(String model, JsonArray messages, int maxTokens, long timeoutMs) {
    JsonObject body = new JsonObject().put("model", model).put("messages", messages).put("max_tokens", maxTokens)
        .put("temperature", 0);
    return breaker.call(() -> client.request(options(timeoutMs))
        .compose(req -> req.send(body.toBuffer()))
        .compose(resp -> resp.body().compose(buffer -> resp.statusCode() == 200
            ? Future.succeededFuture(buffer.toJsonObject().getJsonArray("choices").getJsonObject(0)
                .getJsonObject("message").getString("content", ""))
            : Future.failedFuture(new LlmException("LLM answered " + resp.statusCode(), resp.statusCode(), false, 0)))));
  }

  private Future<Draft> attempt(JsonObject body, Consumer<String> onText, Cancellation cancellation, int attempt) {
    return stream(body, onText, cancellation).recover(failure -> {
      if (failure instanceof LlmException e && e.retryable() && attempt < settings.maxRetries()
          && !cancellation.cancelled()) {
        long backoff = Math.min(2000, Math.max(e.retryAfterMs(), 150L << attempt));
        Promise<Draft> retried = Promise.promise();
        vertx.setTimer(backoff, id -> attempt(body, onText, cancellation, attempt + 1).onComplete(retried));
        return retried.future();
      }
      return Future.failedFuture(failure);
    });
  }

  private RequestOptions options(long timeoutMs) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setAbsoluteURI(settings.llmUrl() + "/chat/completions").setTimeout(timeoutMs)
        .putHeader("content-type", "application/json").putHeader("accept", "text/event-stream");
    if (!settings.apiKey().isBlank()) {
      options.putHeader("authorization", "Bearer " + settings.apiKey());
    }
    return options;
  }

  private Future<Draft> stream(JsonObject body, Consumer<String> onText, Cancellation cancellation) {
    Promise<Draft> done = Promise.promise();
    StreamState state = new StreamState();
    long firstTokenTimer = vertx.setTimer(settings.firstTokenTimeoutMs(), id -> state.fail(done,
        new LlmException("no first token within " + settings.firstTokenTimeoutMs() + " ms", 504, true, 0)));
    long totalTimer = vertx.setTimer(settings.totalTimeoutMs(), id -> state.fail(done,
        new LlmException("answer not finished within " + settings.totalTimeoutMs() + " ms", 504, false, 0)));
    done.future().onComplete(ignored -> {
      vertx.cancelTimer(firstTokenTimer);
      vertx.cancelTimer(totalTimer);
    });
    cancellation.onCancel(() -> {
      if (state.request != null) {
        // the prompt was sent: it is billed, and so is what was written of the answer
        cancellation.spent(state.draft(body));
      }
      state.fail(done, new LlmException("cancelled: nobody is listening", 499, false, 0));
    });
    client.request(options(0)).onSuccess(req -> state.request = req)
        .compose(req -> req.send(body.toBuffer()))
        .onSuccess(resp -> read(resp, state, done, onText, firstTokenTimer))
        .onFailure(failure -> state.fail(done, new LlmException("LLM unreachable: " + failure.getMessage(), 503,
            true, 0)));
    return done.future().map(ignored -> state.draft(body));
  }

  private void read(HttpClientResponse resp, StreamState state, Promise<Draft> done, Consumer<String> onText,
                    long firstTokenTimer) {
    if (resp.statusCode() != 200) {
      boolean retryable = resp.statusCode() == 429 || resp.statusCode() >= 500;
      long retryAfter = parseRetryAfter(resp.getHeader("retry-after"));
      resp.body().onComplete(ignored -> state.fail(done,
          new LlmException("LLM answered " + resp.statusCode(), resp.statusCode(), retryable, retryAfter)));
      return;
    }
    RecordParser lines = RecordParser.newDelimited("\n", line -> {
      String text = line.toString().strip();
      if (!text.startsWith("data:")) {
        return;
      }
      String data = text.substring(5).strip();
      if ("[DONE]".equals(data)) {
        state.complete(done);
        return;
      }
      JsonObject chunk = new JsonObject(data);
      JsonObject usage = chunk.getJsonObject("usage");
      if (usage != null) {
        state.promptTokens = usage.getLong("prompt_tokens", 0L);
        state.completionTokens = usage.getLong("completion_tokens", 0L);
      }
      JsonArray choices = chunk.getJsonArray("choices");
      if (choices != null && !choices.isEmpty()) {
        if ("length".equals(choices.getJsonObject(0).getString("finish_reason"))) {
          state.cutAtLimit = true;
        }
        String content = choices.getJsonObject(0).getJsonObject("delta", new JsonObject()).getString("content");
        if (content != null && !content.isEmpty() && !done.future().isComplete()) {
          if (state.text.length() == 0) {
            vertx.cancelTimer(firstTokenTimer);
          }
          state.text.append(content);
          onText.accept(content);
        }
      }
    });
    resp.handler(buffer -> {
      try {
        lines.handle(buffer);
      } catch (RuntimeException e) {
        state.fail(done, new LlmException("unreadable stream from the LLM", 502, false, 0));
      }
    });
    resp.exceptionHandler(failure -> state.fail(done, new LlmException("LLM stream broken: " + failure.getMessage(),
        502, state.text.length() == 0, 0)));
    resp.endHandler(v -> {
      if (state.text.length() == 0) {
        state.fail(done, new LlmException("LLM stream ended without text", 502, true, 0));
      } else {
        state.complete(done);
      }
    });
  }

  private static long parseRetryAfter(String header) {
    try {
      return header == null ? 0 : (long) (Double.parseDouble(header.strip()) * 1000);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** What one streamed call has received so far. */
  private final class StreamState {
    private final StringBuilder text = new StringBuilder();
    private long promptTokens = -1;
    private long completionTokens = -1;
    private boolean cutAtLimit;
    private HttpClientRequest request;

    void complete(Promise<Draft> done) {
      done.tryComplete();
    }

    void fail(Promise<Draft> done, LlmException failure) {
      if (done.tryFail(failure) && request != null) {
        request.reset();
      }
    }

    Draft draft(JsonObject body) {
      long prompt = promptTokens >= 0 ? promptTokens : TokenCounter.count(body.getJsonArray("messages").encode());
      long completion = completionTokens >= 0 ? completionTokens : TokenCounter.count(text.toString());
      return new Draft(text.toString(), settings.model(), prompt, completion, cutAtLimit);
    }
  }

}
