package concierge.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Concierge node in its own JVM ({@code java -jar target/concierge.jar serve --cluster ...}). */
final class ClusterNode implements AutoCloseable {

  final String name;
  final int httpPort;
  final int hazelcastPort;
  final int eventBusPort;
  private Process process;
  private final Path log;

  ClusterNode(String name, Path logDir) throws IOException {
    this.name = name;
    this.httpPort = freePort();
    this.hazelcastPort = freePort();
    this.eventBusPort = freePort();
    this.log = logDir.resolve(name + ".log");
  }

  String member() {
    return "127.0.0.1:" + hazelcastPort;
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  long pid() {
    return process.pid();
  }

  void start(String roles, String members, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:+UseSerialGC",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "-jar", jar().toString(), "serve", "--cluster", "--roles", roles, "--members", members,
        "--port", String.valueOf(httpPort)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put("CONCIERGE_CLUSTER_HAZELCAST_PORT", String.valueOf(hazelcastPort));
    builder.environment().put("CONCIERGE_CLUSTER_EVENT_BUS_PORT", String.valueOf(eventBusPort));
    process = builder.start();
  }

  /** Waits until /health says ready; fails with the end of the node's log when it dies or never gets there. */
  void awaitReady(Duration within) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(name + " was not ready in " + within + ":\n" + tail());
  }

  void kill() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start().waitFor();
    process.waitFor();
  }

  String tail() throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  static Path jar() {
    return Path.of(System.getProperty("concierge.project.dir", "."), "target", "concierge.jar");
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
