package concierge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples this process's resident set size (VmRSS) every 100 ms and keeps the peak. */
public final class ResidentMemory implements AutoCloseable {

  private final Thread sampler;
  private volatile long peakKb;
  private volatile boolean running = true;

  public ResidentMemory() {
    sampler = new Thread(() -> {
      while (running) {
        peakKb = Math.max(peakKb, currentKb());
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
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
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
    return Math.max(peakKb, currentKb()) / 1024;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
