package concierge.faults;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault-injection suite, each case under steady load from real REST, WebSocket and order clients
 * (short windows, so that the whole suite takes a few minutes): Chroma killed, the LLM hanging,
 * answering 500 and 429, cut mid-stream, the database stopped, 1,000 idle sockets, a client that
 * stops reading, and SIGTERM to a separate JVM started from the jar. Prints the README's table.
 */
class FaultsIT {

  @Test
  @DisplayName("under every fault, every turn that could be answered is answered, every error is well formed, "
      + "service recovers after the fault, and no confirmed order is lost")
  void faultsUnderLoad() throws Exception {
    List<FaultCase> cases = new FaultDrill(new FaultDrill.Timing(1000, 2500, 3000, 3, 2, 1, 1000),
        Path.of("target", "concierge.jar")).run();
    System.out.println(FaultCase.header());
    cases.forEach(c -> System.out.println(c.row()));

    assertThat(cases).hasSizeGreaterThanOrEqualTo(8);
    for (FaultCase c : cases) {
      assertThat(c.malformed()).as(c.name() + ": malformed errors").isZero();
      assertThat(c.ordersLost()).as(c.name() + ": confirmed orders lost").isZero();
      assertThat(c.answered()).as(c.name() + ": turns answered").isEqualTo(c.answerable());
      assertThat(c.answerable()).as(c.name() + ": turns that could be answered").isPositive();
    }
    cases.stream().filter(c -> c.name().startsWith("Chroma") || c.name().startsWith("LLM")
            || c.name().startsWith("Database"))
        .forEach(c -> assertThat(c.recoveryMs()).as(c.name() + ": recovered").isNotNegative());
    cases.stream().filter(c -> c.name().startsWith("Database"))
        .forEach(c -> assertThat(c.confirmedOrders()).as("orders confirmed around the database fault").isPositive());
    cases.stream().filter(c -> c.name().startsWith("SIGTERM"))
        .forEach(c -> assertThat(c.note()).as("exit code of the stopped JVM").startsWith("exit 143"));
  }
}
