package concierge.cli;

import concierge.ConciergeServer;
import concierge.security.UnsafeExposureException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code concierge serve}: starts Chroma if needed, ingests when stale, serves HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the server.")
public final class ServeCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config;

  @Option(names = "--port", description = "HTTP port (overrides http.port)")
  Integer port;

  @Option(names = "--cluster", description = "join a cluster of nodes (cluster.* settings; see README, Clustering)")
  boolean cluster;

  @Option(names = "--roles", description = "all (default), gateway, pipeline: what this node runs (cluster.roles)")
  String roles;

  @Option(names = "--members", description = "Hazelcast members to join, host:port,... (cluster.members)")
  String members;

  @Override
  public Integer call() throws Exception {
    Vertx reader = Vertx.vertx();
    JsonObject settings;
    try {
      settings = config.load(reader);
    } finally {
      reader.close().await();
    }
    if (port != null) {
      settings.getJsonObject("http").put("port", port);
    }
    JsonObject clusterSettings = settings.getJsonObject("cluster");
    if (roles != null) {
      clusterSettings.put("roles", roles);
    }
    if (members != null) {
      clusterSettings.put("members", members);
    }
    Vertx vertx = cluster || clusterSettings.getBoolean("enabled", false)
        ? ConciergeServer.newClusteredVertx(settings) : ConciergeServer.newVertx();
    ConciergeServer server;
    try {
      server = ConciergeServer.start(vertx, settings);
    } catch (UnsafeExposureException | IllegalArgumentException refused) {
      System.err.println("concierge: " + refused.getMessage());
      vertx.close();
      return 2;
    }
    server.stopGracefullyOnExit();
    if (concierge.cluster.ClusterConfig.from(settings).roles().gateway()) {
      System.out.printf("Concierge is running: http://%s:%d/  (Ctrl-C to stop)%n",
          settings.getJsonObject("http").getString("host"), server.httpPort());
    } else {
      System.out.printf("Concierge pipeline node is running in cluster '%s'  (Ctrl-C to stop)%n",
          clusterSettings.getString("name"));
    }
    return 0;
  }
}
