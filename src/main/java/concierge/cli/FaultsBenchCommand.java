package concierge.cli;

import concierge.faults.FaultCase;
import concierge.faults.FaultDrill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code concierge bench faults}: the fault-injection drill under load; prints the README's table. */
@Command(name = "faults", mixinStandardHelpOptions = true,
    description = "Inject faults (Chroma, LLM, database, sockets, SIGTERM) under load and print what clients saw.")
public final class FaultsBenchCommand implements Callable<Integer> {

  @Option(names = "--before-ms", defaultValue = "1500", description = "load before each fault (default: ${DEFAULT-VALUE})")
  long beforeMs;

  @Option(names = "--fault-ms", defaultValue = "3000", description = "how long a fault lasts (default: ${DEFAULT-VALUE})")
  long faultMs;

  @Option(names = "--after-ms", defaultValue = "4000", description = "load after the fault ends (default: ${DEFAULT-VALUE})")
  long afterMs;

  @Option(names = "--rest", defaultValue = "3", description = "REST clients (default: ${DEFAULT-VALUE})")
  int rest;

  @Option(names = "--ws", defaultValue = "2", description = "WebSocket clients (default: ${DEFAULT-VALUE})")
  int ws;

  @Option(names = "--orders", defaultValue = "1", description = "clients placing and confirming orders (default: ${DEFAULT-VALUE})")
  int orders;

  @Option(names = "--idle-sockets", defaultValue = "1000", description = "idle WebSockets held open (default: ${DEFAULT-VALUE})")
  int idleSockets;

  @Option(names = "--jar", defaultValue = "target/concierge.jar",
      description = "the jar started as a separate JVM for the SIGTERM case (default: ${DEFAULT-VALUE})")
  Path jar;

  @Override
  public Integer call() throws Exception {
    List<FaultCase> cases = new FaultDrill(new FaultDrill.Timing(beforeMs, faultMs, afterMs, rest, ws, orders,
        idleSockets), jar).run();
    System.out.printf("Fault drill: %d REST + %d WebSocket + %d order clients; fault %d ms, %d ms of load before and %d ms after%n%n",
        rest, ws, orders, faultMs, beforeMs, afterMs);
    System.out.println(FaultCase.header());
    cases.forEach(c -> System.out.println(c.row()));
    boolean clean = cases.stream().allMatch(c -> c.ordersLost() == 0 && c.malformed() == 0);
    return clean ? 0 : 1;
  }
}
