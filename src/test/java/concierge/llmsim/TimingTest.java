package concierge.llmsim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ExtendWith(VertxExtension.class)
class TimingTest {

  /** Lateness allowed on a loaded 2-core machine; ignoring the speed factor would be seconds late. */
  private static final double LATE_MS = 250;

  private static final List<String> MODELS = List.of("gpt-4", "gpt-4o", "gpt-3.5-turbo", "gpt-4-turbo", "gpt-4o-mini", "x");

  /** Sends one streamed request per model, one after the other, and returns the log. */
  private static Future<List<RequestRecord>> run(Vertx vertx, LlmSimOptions options) {
    return LlmSimulator.start(vertx, options).compose(sim -> {
      SimClient client = new SimClient(vertx, sim.port());
      Future<SimClient.Reply> chain = Future.succeededFuture();
      for (String model : MODELS) {
        chain = chain.compose(ignored -> client.post(SimClient.chat(model, "When will my order arrive?", true)));
      }
      return chain.map(ignored -> sim.requests()).eventually(sim::close);
    });
  }

  @Test
  @DisplayName("the same seed gives the same drawn delays over HTTP; another seed gives others")
  void seeded(Vertx vertx, VertxTestContext ctx) {
    LlmSimOptions options = LlmSimOptions.defaults().withSpeed(0.01).withTails(TailRates.LOAD_TEST);
    Future.all(run(vertx, options.withSeed(99L)), run(vertx, options.withSeed(99L)), run(vertx, options.withSeed(100L)))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<RequestRecord> first = all.resultAt(0);
          List<RequestRecord> second = all.resultAt(1);
          List<RequestRecord> other = all.resultAt(2);
          assertThat(first).hasSize(MODELS.size());
          assertThat(second).extracting(RequestRecord::drawnTtftMs)
              .containsExactlyElementsOf(first.stream().map(RequestRecord::drawnTtftMs).toList());
          assertThat(second).extracting(RequestRecord::plannedTotalMs)
              .containsExactlyElementsOf(first.stream().map(RequestRecord::plannedTotalMs).toList());
          assertThat(other).extracting(RequestRecord::drawnTtftMs)
              .doesNotContainAnyElementsOf(first.stream().map(RequestRecord::drawnTtftMs).toList());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("--speed scales the drawn delays, and the answers arrive when planned")
  void speed(Vertx vertx, VertxTestContext ctx) {
    LlmSimOptions options = LlmSimOptions.defaults().withSeed(7L);
    run(vertx, options.withSpeed(0.01))
        .compose(fast -> run(vertx, options.withSpeed(0.03)).map(slower -> List.of(fast, slower)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          List<RequestRecord> fast = both.get(0);
          List<RequestRecord> slower = both.get(1);
          for (int i = 0; i < fast.size(); i++) {
            RequestRecord f = fast.get(i);
            RequestRecord s = slower.get(i);
            assertThat(s.drawnTtftMs()).isCloseTo(3 * f.drawnTtftMs(), within(0.01));
            assertThat(s.plannedTotalMs()).isCloseTo(3 * f.plannedTotalMs(), within(0.01));
            for (RequestRecord r : List.of(f, s)) {
              assertThat(r.outcome()).isEqualTo(Outcome.OK);
              assertThat(r.ttftMs()).as("first token not early").isGreaterThanOrEqualTo(r.drawnTtftMs());
              assertThat(r.ttftMs()).as("first token on time").isLessThan(r.drawnTtftMs() + LATE_MS);
              assertThat(r.totalMs()).as("last token not early").isGreaterThanOrEqualTo(r.plannedTotalMs());
              assertThat(r.totalMs()).as("last token on time").isLessThan(r.plannedTotalMs() + LATE_MS);
            }
          }
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("--log writes one JSON line per request with the id the client saw")
  void logFile(Vertx vertx, VertxTestContext ctx) throws Exception {
    Path file = Files.createTempDirectory("llmsim").resolve("logs/requests.jsonl");
    run(vertx, LlmSimOptions.defaults().withSeed(1L).withSpeed(0.01).withLogFile(file))
        .onComplete(ctx.succeeding(records -> ctx.verify(() -> {
          List<String> lines = Files.readAllLines(file);
          assertThat(lines).hasSize(MODELS.size());
          for (int i = 0; i < lines.size(); i++) {
            io.vertx.core.json.JsonObject line = new io.vertx.core.json.JsonObject(lines.get(i));
            assertThat(line.getString("id")).isEqualTo(records.get(i).id());
            assertThat(line.getString("model")).isEqualTo(MODELS.get(i));
            assertThat(line.getString("outcome")).isEqualTo("ok");
            assertThat(line.fieldNames()).contains("arrivedAt", "drawnTtftMs", "ttftMs", "totalMs", "plannedTotalMs",
                "promptTokens", "completionTokens");
          }
          ctx.completeNow();
        })));
  }
}
