package concierge.orders;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * The JDBC connections of the orders pool. vertx-jdbc-client 5.0.7 ends every transaction with
 * commit() or rollback() followed by setAutoCommit(false) (vert-x3/vertx-jdbc-client#356, fixed
 * upstream after 5.0.7), which leaves the pooled connection outside autocommit: a statement run
 * on it later, outside a transaction, would never be committed and would keep its locks. Each
 * connection here turns that one call, right after commit or rollback, into setAutoCommit(true).
 * It also applies the query timeout to every statement.
 */
final class ConnectionSource implements DataSource {

  private final String url;
  private final String user;
  private final String password;
  private final int queryTimeoutSeconds;

  ConnectionSource(String url, String user, String password, int queryTimeoutSeconds) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = user.isEmpty() ? DriverManager.getConnection(url)
        : DriverManager.getConnection(url, user, password);
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new AutoCommitRestoring(connection, queryTimeoutSeconds));
  }

  @Override
  public Connection getConnection(String username, String secret) throws SQLException {
    return getConnection();
  }

  private static final class AutoCommitRestoring implements InvocationHandler {

    private final Connection connection;
    private final int queryTimeoutSeconds;
    private boolean transactionEnded;

    AutoCommitRestoring(Connection connection, int queryTimeoutSeconds) {
      this.connection = connection;
      this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      boolean ended = transactionEnded;
      transactionEnded = name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0);
      if (ended && name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
        connection.setAutoCommit(true);
        return null;
      }
      try {
        Object result = method.invoke(connection, args);
        if (result instanceof Statement statement && queryTimeoutSeconds > 0) {
          statement.setQueryTimeout(queryTimeoutSeconds);
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
  }

  @Override
  public void setLoginTimeout(int seconds) {
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
