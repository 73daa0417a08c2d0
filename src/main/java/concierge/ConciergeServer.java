package concierge;

import concierge.agent.AgentVerticle;
import concierge.cache.CacheVerticle;
import concierge.chroma.ChromaConfig;
import concierge.cluster.ClusterConfig;
import concierge.cluster.ClusterJoin;
import concierge.cluster.ClusterVerticle;
import concierge.cluster.KnowledgeVersionFollower;
import concierge.chroma.ChromaSidecar;
import concierge.chroma.ChromaStoreVerticle;
import concierge.conversation.ConversationVerticle;
import concierge.embedding.Embedder;
import concierge.embedding.EmbeddingConfig;
import concierge.embedding.EmbeddingVerticle;
import concierge.gateway.GatewayVerticle;
import concierge.generation.GenerationVerticle;
import concierge.gateway.HttpConfig;
import concierge.gateway.ShutdownGate;
import concierge.intent.IntentVerticle;
import concierge.knowledge.KnowledgeVerticle;
import concierge.orders.OrdersVerticle;
import concierge.retrieval.RetrievalVerticle;
import concierge.tone.ToneVerticle;
import concierge.validation.ValidationVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The boot order, in one place: config, then Chroma (started here when no URL is configured),
 * then the embedding model, then the Chroma owner, the knowledge base and the pipeline
 * verticles, then the gateway. Blocking: call {@link #start} from a plain thread (the CLI, a test).
 */
public final class ConciergeServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConciergeServer.class);

  private final Vertx vertx;
  private final ChromaSidecar sidecar;
  private final JsonObject config;
  private Embedder embedder;
  private final java.util.Map<String, String> deployments = new java.util.concurrent.ConcurrentHashMap<>();

  private ConciergeServer(Vertx vertx, ChromaSidecar sidecar, JsonObject config) {
    this.vertx = vertx;
    this.sidecar = sidecar;
    this.config = config;
  }

  public static Vertx newVertx() {
    return Vertx.builder().with(vertxOptions()).withMetrics(new MicrometerMetricsFactory()).build();
  }

  private static VertxOptions vertxOptions() {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(false));
    return new VertxOptions().setMetricsOptions(metrics)
        .setEventLoopPoolSize(eventLoops());
  }

  /**
   * Event-loop threads: {@code concierge.event-loops} (system property) or
   * {@code CONCIERGE_EVENT_LOOPS}, else half the cores (at least one). The event loops only route;
   * the embedding, intent and generation work runs on worker threads, so fewer loops mean fewer
   * thread hand-offs between a turn's verticles (a cached REST turn at 500/s on 2 cores: P95
   * 2.2 ms with one loop, 6.7 ms with Vert.x's default of four).
   */
  static int eventLoops() {
    String configured = System.getProperty("concierge.event-loops", System.getenv("CONCIERGE_EVENT_LOOPS"));
    return configured != null && !configured.isBlank() ? Integer.parseInt(configured.trim())
        : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  /**
   * Joins the cluster described by {@code cluster.*} (blocking) and records this node's id in the
   * config ({@code cluster.node-id}); pass the same config to {@link #start}.
   */
  public static Vertx newClusteredVertx(JsonObject config) {
    ClusterConfig cluster = ClusterConfig.from(config);
    ClusterJoin.Joined joined = ClusterJoin.join(cluster, vertxOptions(), new MicrometerMetricsFactory(),
        Addresses.PUBLISHED::contains).await();
    Vertx vertx = joined.vertx();
    joined.clusterManager().onNodeLeft(nodeId -> vertx.eventBus()
        .publish(Addresses.NODE_LEFT, nodeId, new io.vertx.core.eventbus.DeliveryOptions().setLocalOnly(true)));
    if (config.getJsonObject("cluster") == null) {
      config.put("cluster", new JsonObject());
    }
    config.getJsonObject("cluster").put("enabled", true).put("node-id", joined.clusterManager().getNodeId());
    LOG.info("joined cluster '{}' as node {} ({}), event bus {}:{}, Hazelcast port {}, members {}", cluster.name(),
        joined.clusterManager().getNodeId(), cluster.roles(), cluster.host(), cluster.eventBusPort(),
        cluster.hazelcastPort(), cluster.members());
    return vertx;
  }

  /** Starts everything; the returned config has the resolved chroma.url and http.port. */
  public static ConciergeServer start(Vertx vertx, JsonObject given) throws Exception {
    long started = System.currentTimeMillis();
    JsonObject config = given.copy();
    concierge.security.SecurityConfig.from(config).checkExposure(HttpConfig.from(config).host());
    Path dataDir = Path.of(config.getString("data-dir", "data")).toAbsolutePath();
    Files.createDirectories(dataDir);
    ChromaSidecar sidecar = null;
    ChromaConfig chroma = ChromaConfig.from(config);
    if (!chroma.external() && ClusterConfig.from(config).roles().pipeline()) {
      sidecar = new ChromaSidecar(chroma, dataDir, cacheDir(config));
      config.getJsonObject("chroma").put("url", sidecar.start());
    }
    ConciergeServer server = new ConciergeServer(vertx, sidecar, config);
    try {
      server.deploy();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    LOG.info("Concierge is ready at http://{}:{}/ in {} ms", HttpConfig.from(config).host(),
        HttpConfig.from(config).port(), System.currentTimeMillis() - started);
    return server;
  }

  private void deploy() throws Exception {
    JsonObject http = config.getJsonObject("http");
    if (http.getInteger("port", 8080) == 0) {
      http.put("port", freePort());
    }
    DeploymentOptions once = new DeploymentOptions().setConfig(config);
    ClusterConfig cluster = ClusterConfig.from(config);
    if (!cluster.enabled() && !(cluster.roles().gateway() && cluster.roles().pipeline())) {
      throw new IllegalArgumentException("roles other than 'all' need a cluster (serve --cluster)");
    }
    if (cluster.enabled()) {
      deploy("ClusterVerticle", vertx.deployVerticle(new ClusterVerticle(), once).await());
      deploy("KnowledgeVersionFollower", vertx.deployVerticle(new KnowledgeVersionFollower(), once).await());
    }
    if (cluster.roles().pipeline()) {
      deployPipeline(once);
    }
    if (cluster.roles().gateway()) {
      deploy("GatewayVerticle", vertx.deployVerticle(GatewayVerticle.class,
          new DeploymentOptions(once).setInstances(HttpConfig.from(config).instances())).await());
    }
  }

  /** Everything a turn needs, this node's Chroma client included. */
  private void deployPipeline(DeploymentOptions once) throws Exception {
    EmbeddingConfig embedding = EmbeddingConfig.from(config);
    embedder = new Embedder(embedding.model(), embedding.cacheEntries());
    concierge.cost.TokenCounter.count("load the tokenizer here, not on an event loop");
    deploy("ChromaStoreVerticle", vertx.deployVerticle(
        new ChromaStoreVerticle(config.getJsonObject("chroma").getString("url")), once).await());
    deploy("EmbeddingVerticle", vertx.deployVerticle(new EmbeddingVerticle(embedder), once).await());
    deploy("KnowledgeVerticle", vertx.deployVerticle(new KnowledgeVerticle(), once).await());
    DeploymentOptions perCore = new DeploymentOptions(once).setInstances(Runtime.getRuntime().availableProcessors());
    deploy("RetrievalVerticle", vertx.deployVerticle(RetrievalVerticle.class, perCore).await());
    deploy("OrdersVerticle", vertx.deployVerticle(OrdersVerticle.class, once).await());
    deploy("IntentVerticle", vertx.deployVerticle(IntentVerticle.class, once).await());
    deploy("ToneVerticle", vertx.deployVerticle(ToneVerticle.class, once).await());
    deploy("ValidationVerticle", vertx.deployVerticle(ValidationVerticle.class, once).await());
    deploy("GenerationVerticle", vertx.deployVerticle(GenerationVerticle.class, perCore).await());
    deploy("CacheVerticle", vertx.deployVerticle(CacheVerticle.class, once).await());
    deploy("ConversationVerticle", vertx.deployVerticle(ConversationVerticle.class, once).await());
    deploy("AgentVerticle", vertx.deployVerticle(AgentVerticle.class, perCore).await());
  }

  private void deploy(String name, String deploymentId) {
    deployments.put(name, deploymentId);
  }

  /** Stops one verticle (by simple class name): used to show that a failing stage degrades a turn. */
  public void undeploy(String name) {
    String id = deployments.remove(name);
    if (id != null) {
      vertx.undeploy(id).await();
    }
  }

  public Embedder embedder() {
    return embedder;
  }

  /** Deploys a verticle into this server (benchmarks swap a stage for a differently configured one). */
  public void deploy(String name, io.vertx.core.Deployable verticle, JsonObject overrides) {
    JsonObject merged = config.copy().mergeIn(overrides, true);
    deploy(name, vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(merged)).await());
  }

  public Vertx vertx() {
    return vertx;
  }

  public JsonObject config() {
    return config;
  }

  public int httpPort() {
    return HttpConfig.from(config).port();
  }

  public String chromaUrl() {
    return config.getJsonObject("chroma").getString("url");
  }

  public ChromaSidecar sidecar() {
    return sidecar;
  }

  public static PrometheusMeterRegistry prometheus() {
    return (PrometheusMeterRegistry) BackendRegistries.getDefaultNow();
  }

  /**
   * The graceful stop (what SIGTERM does in {@code serve}): new turns are refused with 503 at once,
   * turns in flight may finish until {@code shutdown.drain-timeout-ms}, open WebSockets are closed
   * with 1001 (going away), then the verticles stop (the orders pool last commits nothing half-way:
   * every write is one transaction) and Chroma is stopped. Blocking.
   */
  public void shutdown() {
    long drainMs = config.getJsonObject("shutdown", new JsonObject()).getLong("drain-timeout-ms", 30_000L);
    ShutdownGate gate = ShutdownGate.of(vertx);
    gate.drain();
    long started = System.nanoTime();
    long deadline = started + drainMs * 1_000_000;
    LOG.info("stopping: new turns refused; {} turns in flight get up to {} ms", gate.inFlight(), drainMs);
    while (gate.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    LOG.info("drained in {} ms ({} turns still in flight)", (System.nanoTime() - started) / 1_000_000,
        gate.inFlight());
    try {
      undeploy("GatewayVerticle");
    } catch (Exception e) {
      LOG.warn("closing the gateway: {}", e.getMessage());
    }
    close();
    LOG.info("stopped");
  }

  /** Runs {@link #shutdown()} on SIGTERM / Ctrl-C; Chroma is then stopped by it, after the turns in flight. */
  public void stopGracefullyOnExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "concierge-stop"));
    if (sidecar != null) {
      sidecar.leaveStopToOwner();
    }
  }

  @Override
  public void close() {
    try {
      vertx.close().await();
    } catch (Exception e) {
      LOG.warn("stopping Vert.x: {}", e.getMessage());
    }
    if (sidecar != null) {
      sidecar.close();
    }
  }

  static Path cacheDir(JsonObject config) {
    String configured = config.getString("cache-dir", "");
    if (!configured.isBlank()) {
      return Path.of(configured);
    }
    String property = System.getProperty("concierge.cache.dir");
    return property != null ? Path.of(property) : Path.of(System.getProperty("user.home"), ".cache", "concierge");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

}
