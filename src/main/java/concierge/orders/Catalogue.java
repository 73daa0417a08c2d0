package concierge.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products as loaded at start, and the parser that reads order messages against them. */
public final class Catalogue {

  private final Map<String, Product> bySku = new LinkedHashMap<>();
  private final OrderRequestParser parser;

  public Catalogue(List<Product> products) {
    products.forEach(product -> bySku.put(product.sku(), product));
    parser = new OrderRequestParser(new ProductMatcher(products));
  }

  public Optional<Product> product(String sku) {
    return Optional.ofNullable(bySku.get(sku));
  }

  public OrderRequest parse(String message) {
    return parser.parse(message);
  }

  public OrderRequest parse(String message, Map<String, String> current) {
    return parser.parse(message, current);
  }

  public int size() {
    return bySku.size();
  }
}
