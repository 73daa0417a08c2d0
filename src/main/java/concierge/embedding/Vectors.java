package concierge.embedding;

import io.vertx.core.json.JsonArray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Float vectors: unit length, dot-product cosine, and a compact Base64 form for the event bus. */
public final class Vectors {

  private Vectors() {
  }

  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return v.clone();
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  /** Cosine of two unit vectors. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  public static String encode(float[] v) {
    ByteBuffer buffer = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(v);
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  public static float[] decode(String base64) {
    ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[buffer.remaining() / 4];
    buffer.asFloatBuffer().get(v);
    return v;
  }

  public static JsonArray toJson(float[] v) {
    JsonArray array = new JsonArray(new java.util.ArrayList<>(v.length));
    for (float x : v) {
      array.add(x);
    }
    return array;
  }

  public static float[] fromJson(JsonArray array) {
    float[] v = new float[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) array.getValue(i)).floatValue();
    }
    return v;
  }
}
