package concierge.cli;

import concierge.bench.ReplayWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code concierge bench replay-workload}: writes the replay workload from bench/replay-topics.txt. */
@Command(name = "replay-workload", mixinStandardHelpOptions = true,
    description = "Generate the replay workload (Zipf over popular topics, phrasings, typing variants, a tail asked once).")
public final class ReplayWorkloadCommand implements Callable<Integer> {

  @Option(names = "--seed", defaultValue = "20261125", description = "(default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--turns", defaultValue = "1600", description = "(default: ${DEFAULT-VALUE})")
  int turns;

  @Option(names = "--out", defaultValue = "src/main/resources/bench/replay-workload.jsonl",
      description = "(default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<ReplayWorkload.Turn> workload = ReplayWorkload.generate(seed, turns);
    ReplayWorkload.write(workload, out);
    long distinct = workload.stream().map(ReplayWorkload.Turn::message).distinct().count();
    long once = workload.stream().filter(turn -> ReplayWorkload.TAIL.equals(turn.topic())).count();
    System.out.printf("%s: %d turns, %d distinct messages, %d questions asked once (seed %d)%n", out, workload.size(),
        distinct, once, seed);
    return 0;
  }
}
