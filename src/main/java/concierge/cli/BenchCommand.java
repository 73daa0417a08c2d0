package concierge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code concierge bench <what>}: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
    subcommands = {RetrievalBenchCommand.class, EmbeddingBenchCommand.class, SocketBenchCommand.class, AgentBenchCommand.class,
        LlmSimBenchCommand.class, CacheBenchCommand.class, FuzzBenchCommand.class, OrdersBenchCommand.class,
        ReplayBenchCommand.class, ReplayWorkloadCommand.class, CachedBenchCommand.class,
        FaultsBenchCommand.class, SoakBenchCommand.class})
public final class BenchCommand implements Runnable {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
