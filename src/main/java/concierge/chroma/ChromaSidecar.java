package concierge.chroma;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A local Chroma 1.x server owned by this process: installed from the npm registry into a cache
 * folder once (by the bundled chroma-install.sh, which also fetches a private glibc loader when
 * the system's glibc is older than 2.38), started on a free loopback port with its data under the
 * data folder, restarted if it dies, and stopped with SIGINT (Chroma ignores SIGTERM) when
 * Concierge stops, from a shutdown hook too. Blocking: call it from the boot thread, not an event loop.
 */
public final class ChromaSidecar implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChromaSidecar.class);

  private final ChromaConfig config;
  private final Path dataDir;
  private final Path cacheDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile Process process;
  private volatile boolean stopping;
  private int port;
  private Thread shutdownHook;
  private Path launcher;

  public ChromaSidecar(ChromaConfig config, Path dataDir, Path cacheDir) {
    this.config = config;
    this.dataDir = dataDir;
    this.cacheDir = cacheDir;
  }

  /** Installs if needed, starts, waits for the heartbeat; returns the base URL. */
  public String start() throws IOException, InterruptedException {
    launcher = install();
    port = freePort();
    launch(launcher);
    shutdownHook = new Thread(this::close, "chroma-sidecar-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    return url();
  }

  /**
   * Drops the sidecar's own shutdown hook: its owner stops it from its hook, after the turns in
   * flight have finished (two hooks would run at once and stop Chroma under those turns).
   */
  public synchronized void leaveStopToOwner() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // already in shutdown: the hook runs anyway
      }
      shutdownHook = null;
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public boolean running() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Stops the server (SIGINT) without restarting it; {@link #restart()} starts it again on the same port. */
  public synchronized void stop() {
    stopping = true;
    stopProcess();
  }

  public synchronized void restart() throws IOException, InterruptedException {
    stopProcess();
    stopping = false;
    launch(launcher);
  }

  /** Kills the server hard, as a crash would (used by fault tests); the watchdog restarts it. */
  public void killForTest() {
    Process p = process;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  Path install() throws IOException, InterruptedException {
    Files.createDirectories(cacheDir);
    Path script = cacheDir.resolve("chroma-install.sh");
    try (InputStream in = ChromaSidecar.class.getResourceAsStream("/chroma/chroma-install.sh")) {
      if (in == null) {
        throw new IOException("chroma-install.sh is missing from the build");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    script.toFile().setExecutable(true);
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), cacheDir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("CHROMA_NPM_VERSION", config.npmVersion());
    builder.environment().put("CHROMA_BINDINGS_VERSION", config.bindingsVersion());
    Process installer = builder.start();
    String output = new String(installer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (installer.waitFor() != 0) {
      throw new IOException("could not install Chroma's server (see the lines above); "
          + "install Node.js 20+ and npm with access to the npm registry, or set CHROMA_URL");
    }
    String[] lines = output.split("\n");
    return Path.of(lines[lines.length - 1].trim());
  }

  private void launch(Path launcher) throws IOException, InterruptedException {
    Path chromaData = dataDir.resolve("chroma");
    Files.createDirectories(chromaData);
    Path log = dataDir.resolve("chroma.log");
    process = new ProcessBuilder(launcher.toString(), "--path", chromaData.toString(), "--port", String.valueOf(port))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    LOG.info("Chroma starting on {} (pid {}, data {}, log {})", url(), process.pid(), chromaData, log);
    awaitHeartbeat(Duration.ofSeconds(config.startTimeoutSeconds()));
    Process started = process;
    started.onExit().thenRun(() -> onExit(started, launcher));
  }

  private void onExit(Process exited, Path launcher) {
    if (stopping || exited != process || !config.restartWhenDead()) {
      return;
    }
    LOG.warn("Chroma (pid {}) exited with {}; restarting it", exited.pid(), exited.exitValue());
    try {
      Thread.sleep(500);
      launch(launcher);
    } catch (Exception e) {
      LOG.error("Chroma could not be restarted: {}", e.getMessage());
    }
  }

  private void awaitHeartbeat(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest heartbeat = HttpRequest.newBuilder(URI.create(url() + "/api/v2/heartbeat"))
        .timeout(Duration.ofSeconds(1)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Chroma exited with " + process.exitValue() + " before it was ready; see "
            + dataDir.resolve("chroma.log"));
      }
      try {
        if (http.send(heartbeat, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          LOG.info("Chroma is up at {}", url());
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IOException("Chroma did not answer its heartbeat within " + timeout.toSeconds() + " s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public synchronized void close() {
    stopping = true;
    stopProcess();
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // already in shutdown
      }
    }
  }

  private void stopProcess() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor(2, TimeUnit.SECONDS);
      if (!p.waitFor(8, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
      process = null;
      LOG.info("Chroma stopped");
    } catch (IOException e) {
      p.destroyForcibly();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
