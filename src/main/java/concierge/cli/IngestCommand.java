package concierge.cli;

import concierge.ConciergeServer;
import concierge.knowledge.IngestReport;
import concierge.knowledge.KnowledgeService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code concierge ingest}: brings Chroma in line with the knowledge base, prints what changed, exits. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest the knowledge base into Chroma.")
public final class IngestCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config;

  @Option(names = "--kb", description = "knowledge-base folder (default: the bundled demo shop)")
  String dir;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject settings = config.load(vertx);
    settings.getJsonObject("knowledge").put("ingest-on-start", false);
    if (dir != null) {
      settings.getJsonObject("knowledge").put("dir", dir);
    }
    settings.getJsonObject("http").put("port", 0);
    try (ConciergeServer server = ConciergeServer.start(vertx, settings)) {
      IngestReport report = new KnowledgeService(server.vertx()).ingest().await();
      System.out.println(report.toJson().encodePrettily());
    }
    return 0;
  }
}
