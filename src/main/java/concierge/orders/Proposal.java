package concierge.orders;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order as the customer saw it in the question (items at their prices, destination, method,
 * total), stored as a pending action's payload: executing re-prices it and refuses if anything differs.
 */
public record Proposal(List<Line> lines, String destination, ShippingMethod method, boolean poBox, long totalCents) {

  /** One item: product, option, quantity and the unit price quoted. */
  public record Line(String sku, String option, long quantity, long unitPriceCents) {
  }

  public static Proposal of(Quote quote) {
    List<Line> lines = new ArrayList<>();
    for (QuoteLine line : quote.lines()) {
      lines.add(new Line(line.product().sku(), line.option(), line.quantity(), line.unitPriceCents()));
    }
    return new Proposal(lines, quote.destination() == null ? null : quote.destination().code(), quote.method(),
        quote.poBox(), quote.totalCents());
  }

  public List<String> skus() {
    return lines.stream().map(Line::sku).distinct().toList();
  }

  /** The quote lines again, with the products as they are now; null if one is gone. */
  public List<QuoteLine> quoteLines(Map<String, Product> products) {
    List<QuoteLine> out = new ArrayList<>();
    for (Line line : lines) {
      Product product = products.get(line.sku());
      if (product == null) {
        return null;
      }
      out.add(new QuoteLine(product, line.option(), line.quantity(), line.unitPriceCents()));
    }
    return out;
  }

  public JsonObject toJson() {
    JsonArray items = new JsonArray();
    for (Line line : lines) {
      items.add(new JsonObject().put("sku", line.sku()).put("option", line.option()).put("quantity", line.quantity())
          .put("unitPriceCents", line.unitPriceCents()));
    }
    return new JsonObject().put("lines", items).put("destination", destination).put("method", method.label())
        .put("poBox", poBox).put("totalCents", totalCents);
  }

  public static Proposal fromJson(JsonObject json) {
    List<Line> lines = new ArrayList<>();
    JsonArray items = json.getJsonArray("lines", new JsonArray());
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      lines.add(new Line(item.getString("sku"), item.getString("option"), item.getLong("quantity"),
          item.getLong("unitPriceCents")));
    }
    return new Proposal(lines, json.getString("destination"), ShippingMethod.of(json.getString("method", "standard")),
        json.getBoolean("poBox", false), json.getLong("totalCents", 0L));
  }
}
