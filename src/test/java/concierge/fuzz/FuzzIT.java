package concierge.fuzz;

import concierge.ConciergeServer;
import concierge.cli.FuzzBenchCommand;
import concierge.testing.TestServers;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI sample of the fuzz benchmark ({@code concierge bench fuzz} runs 100,000): 2,000 seeded
 * inputs to the HTTP parser, the API, WebSocket upgrades and frames, and the intent, validation
 * and chat services on the bus, against a real server with client keys.
 */
@DisplayName("Fuzzing the HTTP and WebSocket parsers and the pipeline with 2,000 seeded inputs")
class FuzzIT {

  private static ConciergeServer server;
  private static Vertx client;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(FuzzBenchCommand.fuzzSettings(TestServers.config()));
    client = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close().await();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("no input gets a 500 or goes unanswered, every kind of input is exercised, and the server still answers afterwards")
  void noCrashNo500NoHang() {
    FuzzRun run = new FuzzRun(client, server.vertx().eventBus(), "127.0.0.1", server.httpPort(), FuzzBenchCommand.CUSTOMER_KEY, 30_000);
    FuzzTally tally = run.run(new FuzzInputs(42, List.of(FuzzBenchCommand.FRONT_KEY, FuzzBenchCommand.CUSTOMER_KEY)),
        2000, 8).await();
    run.close();
    assertThat(tally.inputs()).isEqualTo(2000);
    assertThat(tally.firstFailures()).as("inputs that got a 500 or no answer").isEmpty();
    assertThat(tally.serverErrors()).isZero();
    assertThat(tally.hangs()).isZero();
    // Known gap, counted by `bench fuzz`: a few mutated API requests still get a 400 outside the error shape.
    assertThat(tally.counts().keySet()).as("error bodies are JSON")
        .noneMatch(outcome -> outcome.contains("not JSON"));
    for (String exercised : List.of("raw-http http 400", "http-api http 200", "http-api http 400 invalid_request",
        "http-api http 401 unauthorized", "http-api http 403 forbidden", "ws-upgrade upgrade 101", "ws-upgrade upgrade 401",
        "ws-frame end", "ws-frame error invalid_request", "bus ok", "bus reply 400")) {
      assertThat(tally.count(exercised)).as(exercised + " in " + tally.counts()).isPositive();
    }
    assertThat(FuzzBenchCommand.stillAnswers(client, server.httpPort())).isTrue();
  }
}
