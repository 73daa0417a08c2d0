import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.imageio.ImageIO;

/**
 * Draws the benchmark chart from loadtests/results/<scenario>/summary.properties (Java2D, no
 * dependencies): {@code java loadtests/tools/Chart.java loadtests/results docs/benchmarks.png
 * scenario1 scenario2 ...}. Left: mean and P95 full-answer time (log scale) beside the old
 * agent's baseline and the P95 target; right: turns per second beside the baseline and targets.
 */
public class Chart {

  record Row(String label, double meanS, double p95S, double ttftP95S, double rps) {}

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args[0]);
    Path png = Path.of(args[1]);
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("old Python agent (baseline)", 14.9, 76.8, -1, 3.3));
    for (int i = 2; i < args.length; i++) {
      Path p = results.resolve(args[i]).resolve("summary.properties");
      if (!Files.exists(p)) continue;
      Properties pr = new Properties();
      try (Reader r = Files.newBufferedReader(p)) {
        pr.load(r);
      }
      String label = args[i] + " (" + pr.getProperty("model") + ", cache " + pr.getProperty("cache") + ", "
          + pr.getProperty("transport") + ")";
      rows.add(new Row(label, d(pr, "fullMs.mean") / 1000, d(pr, "fullMs.p95") / 1000, d(pr, "ttftMs.p95") / 1000,
          d(pr, "turnsPerSecond")));
    }
    int w = 1400, rowH = 54, top = 90, h = top + rows.size() * rowH + 90;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString("Concierge vs the old agent, 100 concurrent users (closed loop; -paced: an open model), 2-core machine", 20, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString("time per answer, log scale: mean (dark), P95 (light), P95 first token (tick) | dashed: P95 target 8 s, stretch 5 s",
        20, 52);

    int labelW = 330, x0 = labelW + 20, x1 = 1000, rx0 = 1060, rx1 = w - 30;
    double lo = Math.log10(0.01), hi = Math.log10(100);
    // grid
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (double v : new double[] {0.01, 0.1, 1, 10, 100}) {
      int x = (int) (x0 + (Math.log10(v) - lo) / (hi - lo) * (x1 - x0));
      g.setColor(new Color(225, 225, 225));
      g.drawLine(x, top - 10, x, top + rows.size() * rowH);
      g.setColor(Color.DARK_GRAY);
      g.drawString(v < 1 ? (int) Math.round(v * 1000) + " ms" : (int) v + " s", x - 14, top + rows.size() * rowH + 16);
    }
    double rmax = 20;
    for (Row r : rows) rmax = Math.max(rmax, r.rps * 1.15);
    double step = rmax > 300 ? 100 : rmax > 150 ? 50 : rmax > 60 ? 20 : 5;
    for (double v = 0; v <= rmax; v += step) {
      int x = (int) (rx0 + v / rmax * (rx1 - rx0));
      g.setColor(new Color(225, 225, 225));
      g.drawLine(x, top - 10, x, top + rows.size() * rowH);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.valueOf((int) v), x - 6, top + rows.size() * rowH + 16);
    }
    g.drawString("turns / s (dashed: target 10, stretch 15)", rx0, top - 16);
    Stroke dashed = new Stroke();
    for (double t : new double[] {5, 8}) {
      int x = (int) (x0 + (Math.log10(t) - lo) / (hi - lo) * (x1 - x0));
      g.setColor(new Color(200, 60, 60));
      g.setStroke(dashed.get());
      g.drawLine(x, top - 10, x, top + rows.size() * rowH);
    }
    for (double t : new double[] {10, 15}) {
      int x = (int) (rx0 + t / rmax * (rx1 - rx0));
      g.drawLine(x, top - 10, x, top + rows.size() * rowH);
    }
    g.setStroke(new BasicStroke(1));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int y = top + i * rowH;
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, i == 0 ? Font.BOLD : Font.PLAIN, 12));
      g.drawString(r.label, 14, y + 24);
      Color base = i == 0 ? new Color(150, 150, 150) : new Color(40, 110, 180);
      int xp = scale(r.p95S, x0, x1, lo, hi), xm = scale(r.meanS, x0, x1, lo, hi);
      g.setColor(i == 0 ? new Color(210, 210, 210) : new Color(160, 200, 235));
      g.fillRect(x0, y + 6, xp - x0, 30);
      g.setColor(base);
      g.fillRect(x0, y + 14, xm - x0, 14);
      if (r.ttftP95S > 0) {
        int xt = scale(r.ttftP95S, x0, x1, lo, hi);
        g.setColor(new Color(230, 140, 20));
        g.fillRect(xt - 2, y + 2, 4, 38);
      }
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      String txt = String.format(Locale.ROOT, "mean %s, P95 %s", fmt(r.meanS), fmt(r.p95S));
      int tw = g.getFontMetrics().stringWidth(txt);
      g.drawString(txt, xp + 6 + tw > x1 + 50 ? xp - tw - 6 : xp + 6, y + 26);
      int xr = (int) (rx0 + r.rps / rmax * (rx1 - rx0));
      g.setColor(base);
      g.fillRect(rx0, y + 10, Math.max(1, xr - rx0), 22);
      g.setColor(Color.BLACK);
      g.drawString(String.format(Locale.ROOT, "%.1f", r.rps), xr + 4, y + 26);
    }
    g.setColor(Color.DARK_GRAY);
    g.drawString("All turns of the measured window (100% answered in every run); the server, Chroma, the simulator and Gatling"
        + " share the 2 cores. Details and what each figure means: BENCHMARKS.md.", 14, h - 40);
    g.setColor(Color.DARK_GRAY);
    g.drawString("Generated by loadtests/tools/Chart.java from loadtests/results/*/summary.properties; LLM = concierge llm-sim "
        + "(latency presets, seed 42, tails on).", 14, h - 20);
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(img, "png", png.toFile());
  }

  static final class Stroke {
    BasicStroke get() {
      return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0);
    }
  }

  static int scale(double v, int x0, int x1, double lo, double hi) {
    double l = Math.max(lo, Math.min(hi, Math.log10(Math.max(v, 1e-6))));
    return (int) (x0 + (l - lo) / (hi - lo) * (x1 - x0));
  }

  static String fmt(double s) {
    return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%.1f s", s);
  }

  static double d(Properties p, String k) {
    try {
      return Double.parseDouble(p.getProperty(k, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
