package concierge.llmsim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class FaultTailsTest {

  private static final LlmSimOptions FAST = LlmSimOptions.defaults().withSeed(5L).withSpeed(0.01);

  @Test
  @DisplayName("with the 500 tail at probability 1, every request fails with OpenAI's server_error before any token")
  void serverError(Vertx vertx, VertxTestContext ctx) {
    LlmSimulator.start(vertx, FAST.withTails(TailRates.OFF.withErrorRate(1)))
        .compose(sim -> new SimClient(vertx, sim.port()).post(SimClient.chat("gpt-4", "Hi", true))
            .map(reply -> {
              ctx.verify(() -> {
                assertThat(reply.status()).isEqualTo(500);
                assertThat(reply.body()).doesNotContain("chat.completion.chunk");
                JsonObject error = reply.json().getJsonObject("error");
                assertThat(error.getString("type")).isEqualTo("server_error");
                assertThat(error.containsKey("param")).isTrue();
                RequestRecord record = sim.requests().get(0);
                assertThat(record.outcome()).isEqualTo(Outcome.SERVER_ERROR);
                assertThat(record.sentTokens()).isZero();
                assertThat(record.totalMs()).as("the failure comes after the drawn TTFT").isGreaterThanOrEqualTo(record.drawnTtftMs());
              });
              return sim;
            })
            .compose(LlmSimulator::close))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("with the hang tail at probability 1, nothing comes back and the hang is logged when the client gives up")
  void hang(Vertx vertx, VertxTestContext ctx) {
    HttpClient http = vertx.createHttpClient();
    LlmSimulator.start(vertx, FAST.withTails(TailRates.OFF.withHangRate(1)))
        .compose(sim -> http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(sim.port()).setURI("/v1/chat/completions").setIdleTimeout(300))
            .compose(request -> request.send(SimClient.chat("gpt-4o-mini", "Hi", true).encode()))
            .map(response -> "answered with " + response.statusCode())
            .recover(failure -> Future.succeededFuture(failure instanceof TimeoutException ? "timed out" : failure.toString()))
            .compose(outcome -> {
              ctx.verify(() -> assertThat(outcome).isEqualTo("timed out"));
              return waitFor(vertx, () -> !sim.requests().isEmpty());
            })
            .map(ignored -> {
              ctx.verify(() -> {
                RequestRecord record = sim.requests().get(0);
                assertThat(record.outcome()).isEqualTo(Outcome.HANG);
                assertThat(record.totalMs()).as("held until the client gave up (idle timeout 300 ms, counted from before arrival)").isGreaterThanOrEqualTo(100);
                assertThat(sim.inFlight()).isZero();
              });
              return sim;
            })
            .compose(LlmSimulator::close))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("with the cut tail at probability 1, a stream stops after some tokens without [DONE] and the connection closes")
  void cutStream(Vertx vertx, VertxTestContext ctx) {
    LlmSimulator.start(vertx, FAST.withTails(TailRates.OFF.withCutRate(1)))
        .compose(sim -> new SimClient(vertx, sim.port()).post(SimClient.chat("gpt-4o", "Hi", true))
            .map(reply -> {
              ctx.verify(() -> {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.complete()).as("the body ended by a closed connection").isFalse();
                assertThat(reply.body()).doesNotContain("[DONE]").doesNotContain("\"finish_reason\":\"stop\"");
                RequestRecord record = sim.requests().get(0);
                assertThat(record.outcome()).isEqualTo(Outcome.CUT);
                assertThat(record.sentTokens()).isPositive().isLessThan(record.completionTokens());
                assertThat(Tokenizer.count(reply.streamedText())).isBetween(record.sentTokens() - 1, record.sentTokens() + 1);
              });
              return sim;
            })
            .compose(LlmSimulator::close))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("with the cut tail at probability 1, a non-streamed request gets its connection closed and no body")
  void cutCompletion(Vertx vertx, VertxTestContext ctx) {
    LlmSimulator.start(vertx, FAST.withTails(TailRates.OFF.withCutRate(1)))
        .compose(sim -> new SimClient(vertx, sim.port()).post(SimClient.chat("gpt-4o", "Hi", false))
            .map(reply -> "answered with " + reply.status())
            .recover(failure -> Future.succeededFuture("failed"))
            .map(outcome -> {
              ctx.verify(() -> {
                assertThat(outcome).isEqualTo("failed");
                assertThat(sim.requests()).extracting(RequestRecord::outcome).as(sim.requests().toString())
                    .containsExactly(Outcome.CUT);
              });
              return sim;
            })
            .compose(LlmSimulator::close))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("above the concurrency limit a request gets 429 with Retry-After, and is admitted again once a slot frees")
  void rateLimited(Vertx vertx, VertxTestContext ctx) {
    LlmSimulator.start(vertx, FAST.withSpeed(0.05).withMaxConcurrency(2).withRetryAfterSeconds(7))
        .compose(sim -> {
          SimClient client = new SimClient(vertx, sim.port());
          JsonObject body = SimClient.chat("gpt-4", "Hi", false);
          return Future.all(client.post(body), client.post(body), waitFor(vertx, () -> sim.inFlight() == 2)
                  .compose(ignored -> client.post(body)))
              .compose(all -> client.post(body).map(after -> List.of(all.<SimClient.Reply>resultAt(0),
                  all.<SimClient.Reply>resultAt(1), all.<SimClient.Reply>resultAt(2), after)))
              .map(replies -> {
                ctx.verify(() -> {
                  assertThat(replies).extracting(SimClient.Reply::status).containsExactly(200, 200, 429, 200);
                  SimClient.Reply limited = replies.get(2);
                  assertThat(limited.headers().get("retry-after")).isEqualTo("7");
                  assertThat(limited.json().getJsonObject("error").getString("code")).isEqualTo("rate_limit_exceeded");
                  assertThat(sim.requests()).extracting(RequestRecord::outcome)
                      .containsExactlyInAnyOrder(Outcome.OK, Outcome.OK, Outcome.RATE_LIMITED, Outcome.OK);
                });
                return sim;
              });
        })
        .compose(LlmSimulator::close)
        .onComplete(ctx.succeedingThenComplete());
  }

  /** Completes once the condition holds, checking every few milliseconds for up to two seconds. */
  static Future<Void> waitFor(Vertx vertx, java.util.function.BooleanSupplier condition) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    long started = System.nanoTime();
    vertx.setPeriodic(2, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.tryComplete();
      } else if (System.nanoTime() - started > 2_000_000_000L) {
        vertx.cancelTimer(id);
        done.tryFail("condition not met in 2 s");
      }
    });
    return done.future();
  }
}
