package concierge.cli;

import concierge.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The --config option every command shares, and the one way commands load configuration. */
public final class ConfigOption {

  @Option(names = "--config", description = "YAML configuration file (default: ${DEFAULT-VALUE})",
      defaultValue = "conf/concierge.yaml")
  Path file;

  public JsonObject load(Vertx vertx) {
    return ConfigLoader.load(vertx, file).await();
  }
}
