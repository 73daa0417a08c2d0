package concierge.cli;

import concierge.embedding.Embedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concierge bench embedding}: the raw embedding model alone, as many threads as the server
 * gives it, on distinct short questions (no text repeats, so its cache never answers). The floor
 * of an uncached turn's cost: the load tests compare their turns per second with this figure,
 * measured in the same run on the same machine.
 */
@Command(name = "embedding", mixinStandardHelpOptions = true,
    description = "Measure the raw embedding model's throughput (embeddings per second).")
public final class EmbeddingBenchCommand implements Callable<Integer> {

  @Option(names = "--seconds", defaultValue = "20", description = "measured seconds, after a warm-up (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--threads", defaultValue = "2", description = "concurrent callers, as embedding.workers (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--model", defaultValue = "all-minilm-l6-v2-q", description = "embedding model (default ${DEFAULT-VALUE})")
  String model;

  @Override
  public Integer call() throws Exception {
    Embedder embedder = new Embedder(model, 0);
    AtomicInteger unique = new AtomicInteger();
    run(embedder, unique, System.nanoTime() + 5_000_000_000L);
    long started = System.nanoTime();
    long texts = run(embedder, unique, started + seconds * 1_000_000_000L);
    double perSecond = texts / ((System.nanoTime() - started) / 1e9);
    System.out.printf("raw embedding model %s, %d threads, %d s: %.1f embeddings/s%n", model, threads, seconds, perSecond);
    System.out.printf("rawEmbeddingsPerSecond=%.1f%n", perSecond);
    return 0;
  }

  private long run(Embedder embedder, AtomicInteger unique, long until) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> callers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        callers.add(pool.submit(() -> {
          long done = 0;
          while (System.nanoTime() < until) {
            int i = unique.incrementAndGet();
            embedder.embed(List.of(RetrievalBenchCommand.QUESTIONS.get(i % RetrievalBenchCommand.QUESTIONS.size()) + " " + i));
            done++;
          }
          return done;
        }));
      }
      long total = 0;
      for (Future<Long> caller : callers) {
        total += caller.get();
      }
      return total;
    } finally {
      pool.shutdown();
    }
  }
}
