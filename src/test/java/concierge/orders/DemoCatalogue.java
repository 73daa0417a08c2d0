package concierge.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The products of the catalogue migration, read from the SQL itself, for tests without a database. */
final class DemoCatalogue {

  private static final Pattern ROW = Pattern.compile("\\('([^']+)', '((?:[^']|'')+)', (\\d+), (NULL|\\d+), '(\\w+)', "
      + "(NULL|'[^']*'), (NULL|'[^']*'), (TRUE|FALSE), (TRUE|FALSE), (TRUE|FALSE), (NULL|'[^']*')\\)");

  private DemoCatalogue() {
  }

  static List<Product> products() {
    String sql;
    try (InputStream in = DemoCatalogue.class.getClassLoader().getResourceAsStream("db/migration/V2__seed_catalogue.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Product> products = new ArrayList<>();
    Matcher row = ROW.matcher(sql);
    while (row.find()) {
      products.add(new Product(row.group(1), row.group(2).replace("''", "'"), Long.parseLong(row.group(3)),
          row.group(4).equals("NULL") ? null : Long.valueOf(row.group(4)), row.group(5), text(row.group(6)),
          text(row.group(7)), Boolean.parseBoolean(row.group(8).toLowerCase()),
          Boolean.parseBoolean(row.group(9).toLowerCase()), Boolean.parseBoolean(row.group(10).toLowerCase()),
          text(row.group(11))));
    }
    return products;
  }

  static Catalogue catalogue() {
    return new Catalogue(products());
  }

  private static String text(String sql) {
    return sql.equals("NULL") ? null : sql.substring(1, sql.length() - 1);
  }
}
