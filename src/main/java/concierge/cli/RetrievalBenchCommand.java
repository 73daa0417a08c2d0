package concierge.cli;

import concierge.ConciergeServer;
import concierge.bench.Latencies;
import concierge.bench.Load;
import concierge.bench.ResidentMemory;
import concierge.chroma.ChromaStore;
import concierge.embedding.Embedder;
import concierge.embedding.EmbeddingService;
import concierge.embedding.EmbeddingVerticle;
import concierge.knowledge.Ingestor;
import concierge.retrieval.RetrievalService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concierge bench retrieval}: the cost of the knowledge path on this machine: the raw
 * embedding model, the embedding service with and without micro-batching, a Chroma top-3 query,
 * and retrieval end to end closed-loop (100 callers) and paced at half that throughput.
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true, description = "Benchmark embeddings, Chroma and retrieval.")
public final class RetrievalBenchCommand implements Callable<Integer> {

  static final List<String> QUESTIONS = List.of("can I return opened fuel canisters", "do you ship to canada",
      "how warm is the alpine down bag", "what is the return window for members", "which headlamp is waterproof",
      "how long does a refund take", "is standard shipping free", "does the water filter remove viruses",
      "what sizes do the trailblazer boots come in", "price match amazon", "klarna pay in 4 limits",
      "how much is overnight shipping", "gift cards expire", "trailhead club points", "cancel my order fee");

  @Mixin
  ConfigOption config;

  @Option(names = "--calls", defaultValue = "2000", description = "calls per measurement (default ${DEFAULT-VALUE})")
  int calls;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject settings = config.load(vertx);
    settings.getJsonObject("http").put("port", 0);
    try (ConciergeServer server = ConciergeServer.start(vertx, settings); ResidentMemory rss = new ResidentMemory()) {
      Embedder embedder = server.embedder();
      EmbeddingService embeddings = new EmbeddingService(vertx, 30_000);
      RetrievalService retrieval = new RetrievalService(vertx, 30_000);
      AtomicInteger unique = new AtomicInteger();
      java.util.function.IntFunction<String> text = i -> QUESTIONS.get(i % QUESTIONS.size()) + " " + unique.incrementAndGet();

      System.out.println("== embedding model (all-MiniLM-L6-v2 " + settings.getJsonObject("embedding").getString("model") + ")");
      Latencies single = new Latencies();
      for (int i = 0; i < 500; i++) {
        String t = text.apply(i);
        long started = System.nanoTime();
        embedder.embed(List.of(t));
        single.add(System.nanoTime() - started);
      }
      System.out.println("one short text, one caller:        " + single.summary());
      double raw = rawThroughput(embedder, text, calls);
      System.out.printf("raw model, 2 threads:               %.0f embeddings/s%n", raw);

      Load.Result batched = Load.closed(vertx, 64, calls, i -> embeddings.embed(text.apply(i)));
      System.out.printf("service, 64 concurrent, batching:   %.0f embeddings/s  %s%n", batched.perSecond(),
          batched.latencies().summary());
      server.undeploy("EmbeddingVerticle");
      server.deploy("EmbeddingVerticle", new EmbeddingVerticle(embedder),
          new JsonObject().put("embedding", new JsonObject().put("batch-max", 1)));
      Load.Result unbatched = Load.closed(vertx, 64, calls, i -> embeddings.embed(text.apply(i)));
      System.out.printf("service, 64 concurrent, no batching: %.0f embeddings/s  %s%n", unbatched.perSecond(),
          unbatched.latencies().summary());
      server.undeploy("EmbeddingVerticle");
      server.deploy("EmbeddingVerticle", new EmbeddingVerticle(embedder), new JsonObject());

      System.out.println("== Chroma");
      ChromaStore chroma = new ChromaStore(vertx, 10_000);
      float[] probe = embedder.embed(List.of("return policy for opened items")).get(0);
      Load.Result query = Load.closed(vertx, 1, 1000, i -> chroma.query(Ingestor.KNOWLEDGE, probe, 3, null));
      System.out.println("top-3 query of knowledge, one caller: " + query.latencies().summary());

      System.out.println("== retrieval end to end (embed + one query of knowledge + ranking), through the bus");
      Load.Result closed = Load.closed(vertx, 100, calls,
          i -> embeddings.embed(text.apply(i)).compose(v -> retrieval.retrieve(v, null, 3)));
      System.out.printf("100 concurrent callers:             %.0f retrievals/s (%.0f%% of raw model)  %s  failures %d%n",
          closed.perSecond(), 100 * closed.perSecond() / raw, closed.latencies().summary(), closed.failures());
      double rate = Math.max(1, closed.perSecond() / 2);
      Load.Result paced = Load.paced(vertx, rate, (int) Math.min(calls, rate * 20),
          i -> embeddings.embed(text.apply(i)).compose(v -> retrieval.retrieve(v, null, 3)));
      System.out.printf("paced at %.0f/s (open loop):        %s  failures %d%n", rate, paced.latencies().summary(),
          paced.failures());
      System.out.printf("== peak RSS of this JVM: %d MB%n", rss.peakMb());
    }
    return 0;
  }

  static double rawThroughput(Embedder embedder, java.util.function.IntFunction<String> text, int calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    List<Future<?>> workers = List.of(pool.submit(() -> work(embedder, text, next, calls)),
        pool.submit(() -> work(embedder, text, next, calls)));
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return calls / ((System.nanoTime() - started) / 1e9);
  }

  private static void work(Embedder embedder, java.util.function.IntFunction<String> text, AtomicInteger next, int calls) {
    int i;
    while ((i = next.getAndIncrement()) < calls) {
      embedder.embed(List.of(text.apply(i)));
    }
  }
}
