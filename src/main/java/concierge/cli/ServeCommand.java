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

  @Override
  public Integer call() throws Exception {
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject settings = config.load(vertx);
    if (port != null) {
      settings.getJsonObject("http").put("port", port);
    }
    ConciergeServer server;
    try {
      server = ConciergeServer.start(vertx, settings);
    } catch (UnsafeExposureException | IllegalArgumentException refused) {
      System.err.println("concierge: " + refused.getMessage());
      vertx.close();
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "concierge-stop"));
    System.out.printf("Concierge is running: http://%s:%d/  (Ctrl-C to stop)%n",
        settings.getJsonObject("http").getString("host"), server.httpPort());
    return 0;
  }
}
