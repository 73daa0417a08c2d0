package concierge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples this process's resident set size (VmRSS) every 100 ms and keeps the peak. */
public final class ResidentMemory implements AutoCloseable {

  private final Thread sampler;
  private final String status;
  private volatile long peakKb;
  private volatile boolean running = true;

  public ResidentMemory() {
    this("self");
  }

  /** Samples another process (by pid), e.g. a server under load from this one. */
  public ResidentMemory(String pid) {
    status = "/proc/" + pid + "/status";
    sampler = new Thread(() -> {
      while (running) {
        peakKb = Math.max(peakKb, kb(status));
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  public static long currentKb() {
    return kb("/proc/self/status");
  }

  private static long kb(String status) {
    try {
      for (String line : Files.readAllLines(Path.of(status))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  public long peakMb() {
    return Math.max(peakKb, kb(status)) / 1024;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
