package dev.parity.shadow;

import dev.parity.run.DaemonThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HeaderElements;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestFactory;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnectionFactory;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestParserFactory;
import org.apache.hc.core5.http.impl.io.HttpService;
import org.apache.hc.core5.http.io.HttpServerRequestHandler;
import org.apache.hc.core5.http.io.support.BasicHttpServerExpectationDecorator;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.ResponseConnControl;
import org.apache.hc.core5.http.protocol.ResponseContent;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's listening socket: HTTP/1.1 parsed and framed by Apache HttpCore's classic (blocking)
 * server connection, one thread per client connection, and the request target kept exactly as the
 * client sent it. The JDK's {@code com.sun.net.httpserver} refused with its own 400 any target that
 * is not a strict URI ({@code /a|b}, {@code /?q={x}}, a bad {@code %} escape), so such a client
 * never reached legacy; HttpCore's {@code ServerBootstrap} rewrites {@code //a/b} to {@code /b}.
 *
 * <p>The accept loop is Parity's own, not HttpCore's {@code HttpServer}: that one stops accepting
 * for good on the first failed accept (too many open files), and its stop interrupts the threads of
 * clients still being served, which the drain must let finish. Nothing is added to legacy's answer
 * but framing ({@code Content-Length} or chunked, {@code Connection}): no {@code Date}, no {@code
 * Server}.
 */
final class ProxyListener implements AutoCloseable {
  /** How long an idle client connection is kept open, and a client may pause mid-request. */
  private static final int CLIENT_IDLE_MS = 60_000;

  /**
   * Client connections open at once, each with its thread, by default: more wait in the kernel's
   * backlog until one closes, rather than the JVM running out of threads.
   */
  static final int MAX_CONNECTIONS = 1024;

  /** The context's attribute set when the connection must close after the exchange. */
  private static final String CLOSE = "parity.shadow.close";

  /** Limits on a request's head; past them HttpCore answers 431 and closes the connection. */
  private static final Http1Config LIMITS =
      Http1Config.custom().setMaxLineLength(64 * 1024).setMaxHeaderCount(512).build();

  private final ServerSocket socket;
  private final String name;
  private final DefaultBHttpServerConnectionFactory connections =
      new DefaultBHttpServerConnectionFactory(
          "http", LIMITS, null, new DefaultHttpRequestParserFactory(LIMITS, null, RAW), null);
  private final ExecutorService workers;
  private final Set<DefaultBHttpServerConnection> open = ConcurrentHashMap.newKeySet();

  /** A permit per connection that may be open at once; the accept loop waits for one. */
  private final Semaphore slots;

  private volatile boolean closing;
  private volatile @Nullable Thread acceptor;

  private ProxyListener(ServerSocket socket, String name, int connections) {
    this.socket = socket;
    this.name = name;
    this.slots = new Semaphore(connections);
    this.workers = Executors.newCachedThreadPool(DaemonThreads.named(name));
  }

  /**
   * Binds {@code address}: clients that connect before {@link #start} wait in the backlog, and a
   * port in use fails here, before anything else is done.
   */
  static ProxyListener bind(InetSocketAddress address, String name) throws IOException {
    return bind(address, name, MAX_CONNECTIONS);
  }

  /** Binds {@code address} for at most {@code connections} client connections open at once. */
  static ProxyListener bind(InetSocketAddress address, String name, int connections)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(address, 128);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return new ProxyListener(socket, name, connections);
  }

  /** Starts taking connections; each request goes to {@code handler}. */
  ProxyListener start(HttpServerRequestHandler handler) {
    HttpService service =
        new HttpService(
            HttpProcessorBuilder.create()
                .add(this::closeWhenStopping)
                .add(new ResponseContent(true))
                .add(ResponseConnControl.INSTANCE)
                .build(),
            new BasicHttpServerExpectationDecorator(handler),
            LIMITS,
            ProxyListener::keepOpen,
            null);
    Thread thread = DaemonThreads.named(name + "-accept").newThread(() -> accept(service));
    acceptor = thread;
    thread.start();
    return this;
  }

  /** The bound address (the real port when port 0 was asked for). */
  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Stops taking connections; the clients' connections stay open, and every answer from now on
   * closes its connection after it ({@link #closeWhenStopping}).
   */
  void stopAccepting() {
    closing = true;
    try {
      socket.close();
    } catch (IOException e) {
      // Closed either way.
    }
  }

  /** Closes the listening socket and every client connection, answered or not. */
  @Override
  public void close() {
    stopAccepting();
    Thread thread = acceptor;
    if (thread != null) {
      thread.interrupt(); // it may be waiting for a free slot
    }
    open.forEach(connection -> connection.close(CloseMode.IMMEDIATE));
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept(HttpService service) {
    while (!closing) {
      try {
        // At the limit, clients wait in the kernel's backlog until a connection closes.
        slots.acquire();
      } catch (InterruptedException e) {
        return;
      }
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        slots.release();
        if (closing || socket.isClosed()) {
          return;
        }
        // Out of file descriptors, or a client gone before it was accepted: keep listening.
        pause();
        continue;
      }
      try {
        client.setTcpNoDelay(true);
        client.setSoTimeout(CLIENT_IDLE_MS);
        DefaultBHttpServerConnection connection = connections.createConnection(client);
        open.add(connection);
        try {
          workers.execute(() -> serve(service, connection));
        } catch (RuntimeException | OutOfMemoryError e) {
          // No thread for it (the pool is shut down, or the JVM can make no more): this client
          // is closed, the loop goes on.
          open.remove(connection);
          throw new IllegalStateException(e);
        }
      } catch (IOException | RuntimeException e) {
        slots.release();
        try {
          client.close();
        } catch (IOException ignored) {
          // Gone.
        }
      }
    }
  }

  private void serve(HttpService service, DefaultBHttpServerConnection connection) {
    try {
      while (connection.isOpen()) {
        HttpCoreContext context = HttpCoreContext.create();
        service.handleRequest(connection, context);
        if (context.getAttribute(CLOSE) != null) {
          connection.close();
        }
      }
    } catch (ConnectionClosedException | SocketException e) {
      // The client closed its connection (or close() did).
    } catch (Exception e) {
      // A malformed request or an idle client timed out: the connection ends, the proxy goes on.
    } finally {
      connection.close(CloseMode.IMMEDIATE);
      open.remove(connection);
      slots.release();
    }
  }

  /**
   * Keeps the connection open through the exchange, and marks in the context whether it must close
   * after it: HttpCore would close it inside the answer's submission and then fail that submission
   * (a flush of the closed connection), so that the handler could not tell an answer delivered from
   * one lost. {@link #serve} closes it once the handler is done.
   */
  private static boolean keepOpen(HttpRequest request, HttpResponse response, HttpContext context) {
    if (!DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context)) {
      context.setAttribute(CLOSE, Boolean.TRUE);
    }
    return true;
  }

  /**
   * Once {@link #stopAccepting} was called, every answer asks its client to close the connection
   * (read as the answer is sent: a client whose request legacy was still working on is told too).
   */
  private void closeWhenStopping(HttpResponse response, EntityDetails entity, HttpContext context) {
    if (closing) {
      response.setHeader(HttpHeaders.CONNECTION, HeaderElements.CLOSE);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps the request target as sent: no parse into a URI, no rewrite of {@code //a/b}. */
  private static final HttpRequestFactory<ClassicHttpRequest> RAW =
      new HttpRequestFactory<>() {
        @Override
        public ClassicHttpRequest newHttpRequest(String method, String uri) {
          BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, (String) null);
          request.setPath(uri);
          return request;
        }

        @Override
        public ClassicHttpRequest newHttpRequest(String method, java.net.URI uri) {
          return new BasicClassicHttpRequest(method, uri);
        }
      };
}
