package concierge;

import concierge.agent.AgentVerticle;
import concierge.cache.CacheVerticle;
import concierge.chroma.ChromaConfig;
import concierge.chroma.ChromaSidecar;
import concierge.chroma.ChromaStoreVerticle;
import concierge.conversation.ConversationVerticle;
import concierge.embedding.Embedder;
import concierge.embedding.EmbeddingConfig;
import concierge.embedding.EmbeddingVerticle;
import concierge.gateway.GatewayVerticle;
import concierge.generation.GenerationVerticle;
import concierge.gateway.HttpConfig;
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
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(false));
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory()).build();
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
    if (!chroma.external()) {
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
    EmbeddingConfig embedding = EmbeddingConfig.from(config);
    embedder = new Embedder(embedding.model(), embedding.cacheEntries());
    concierge.cost.TokenCounter.count("load the tokenizer here, not on an event loop");
    DeploymentOptions once = new DeploymentOptions().setConfig(config);
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
    deploy("GatewayVerticle", vertx.deployVerticle(GatewayVerticle.class,
        new DeploymentOptions(once).setInstances(HttpConfig.from(config).instances())).await());
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
