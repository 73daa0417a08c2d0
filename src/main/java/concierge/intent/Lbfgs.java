package concierge.intent;

/**
 * Limited-memory BFGS for smooth convex functions, with a backtracking (Armijo) line search.
 * Small and dependency-free: enough for fitting a regularised linear model at start-up.
 */
final class Lbfgs {

  /** A function to minimise: returns f(w) and writes its gradient into {@code gradient}. */
  interface Function {
    double valueAndGradient(double[] w, double[] gradient);
  }

  private final int memory;
  private final int maxIterations;
  private final double tolerance;

  Lbfgs(int memory, int maxIterations, double tolerance) {
    this.memory = memory;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  double[] minimize(Function f, double[] start) {
    int n = start.length;
    double[] w = start.clone();
    double[] g = new double[n];
    double value = f.valueAndGradient(w, g);
    double[][] s = new double[memory][];
    double[][] y = new double[memory][];
    double[] rho = new double[memory];
    int stored = 0;
    double[] nextW = new double[n];
    double[] nextG = new double[n];
    for (int iteration = 0; iteration < maxIterations && norm(g) > tolerance; iteration++) {
      double[] direction = direction(g, s, y, rho, stored);
      double slope = dot(direction, g);
      if (slope >= 0) {
        direction = scaled(g, -1);
        slope = dot(direction, g);
        stored = 0;
      }
      double step = iteration == 0 ? 1 / Math.max(1e-12, norm(g)) : 1;
      double nextValue;
      while (true) {
        for (int i = 0; i < n; i++) {
          nextW[i] = w[i] + step * direction[i];
        }
        nextValue = f.valueAndGradient(nextW, nextG);
        if (nextValue <= value + 1e-4 * step * slope || step < 1e-10) {
          break;
        }
        step *= 0.5;
      }
      if (value - nextValue < 1e-10 * Math.max(1, Math.abs(value))) {
        if (nextValue < value) {
          System.arraycopy(nextW, 0, w, 0, n);
        }
        break;
      }
      int slot = stored % memory;
      if (s[slot] == null) {
        s[slot] = new double[n];
        y[slot] = new double[n];
      }
      for (int i = 0; i < n; i++) {
        s[slot][i] = nextW[i] - w[i];
        y[slot][i] = nextG[i] - g[i];
      }
      double sy = dot(s[slot], y[slot]);
      rho[slot] = sy > 1e-12 ? 1 / sy : 0;
      stored++;
      System.arraycopy(nextW, 0, w, 0, n);
      System.arraycopy(nextG, 0, g, 0, n);
      value = nextValue;
    }
    return w;
  }

  /** The two-loop recursion: an approximation of -H⁻¹g from the last pairs. */
  private double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored) {
    double[] q = g.clone();
    int count = Math.min(stored, memory);
    double[] alpha = new double[memory];
    for (int k = 0; k < count; k++) {
      int slot = Math.floorMod(stored - 1 - k, memory);
      alpha[slot] = rho[slot] * dot(s[slot], q);
      axpy(-alpha[slot], y[slot], q);
    }
    if (count > 0) {
      int last = Math.floorMod(stored - 1, memory);
      double yy = dot(y[last], y[last]);
      double gamma = yy > 0 ? dot(s[last], y[last]) / yy : 1;
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    for (int k = count - 1; k >= 0; k--) {
      int slot = Math.floorMod(stored - 1 - k, memory);
      double beta = rho[slot] * dot(y[slot], q);
      axpy(alpha[slot] - beta, s[slot], q);
    }
    return scaled(q, -1);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double[] scaled(double[] v, double factor) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * factor;
    }
    return out;
  }

  private static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }
}
