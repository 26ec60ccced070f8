package io.cexsafe.internal;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows redirects in place of OkHttp (whose own following is switched off), so that a credential
 * never reaches a host it was not configured for. OkHttp drops only {@code Authorization} when a
 * redirect changes host; cexsafe's credentials travel in headers such as {@code X-Auth-Key}, in the
 * query or in the path, so the rule is enforced here, before any connection to the new origin:
 *
 * <ul>
 *   <li>a keyed request (one carrying a credential anywhere) is never redirected to another origin
 *       (scheme, host and port); the attempt fails with {@link RedirectRefusedException};
 *   <li>an unkeyed request may follow such a redirect, without {@code Authorization}, {@code
 *       Proxy-Authorization}, {@code Cookie} or any header marked secret.
 * </ul>
 *
 * Methods change as browsers and OkHttp do: 301, 302 and 303 turn a request with a body into a GET
 * without one; 307 and 308 keep both.
 */
final class RedirectGuard implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RedirectGuard.class);
  static final int MAX_REDIRECTS = 20;
  private static final Set<String> ALWAYS_SENSITIVE =
      Set.of("authorization", "proxy-authorization", "cookie");

  /**
   * What the guard needs to know about a request, attached as its tag.
   *
   * @param keyed true when the request carries a credential (header, query or path)
   * @param secretHeaders names of the headers holding credentials
   */
  record Credentials(boolean keyed, Set<String> secretHeaders) {
    static final Credentials NONE = new Credentials(false, Set.of());

    Credentials {
      secretHeaders = Set.copyOf(secretHeaders);
    }
  }

  /** A keyed request was redirected to another origin; nothing was sent there. */
  static final class RedirectRefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String target;
    private final int status;

    RedirectRefusedException(String target, int status) {
      super("refused a redirect to " + target);
      this.target = target;
      this.status = status;
    }

    /** The origin the source redirected to ({@code scheme://host:port}), never a full URL. */
    String target() {
      return target;
    }

    int status() {
      return status;
    }
  }

  /** More redirects than {@link #MAX_REDIRECTS}; not worth retrying. */
  static final class TooManyRedirectsException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    TooManyRedirectsException() {
      super("more than " + MAX_REDIRECTS + " redirects");
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    Credentials credentials = original.tag(Credentials.class);
    if (credentials == null) {
      credentials = Credentials.NONE;
    }
    Response response = chain.proceed(original);
    for (int redirects = 0; ; redirects++) {
      HttpUrl target = redirectTarget(response);
      if (target == null) {
        return response;
      }
      int status = response.code();
      boolean sameOrigin = sameOrigin(original.url(), target);
      if (!sameOrigin && credentials.keyed()) {
        response.close();
        throw new RedirectRefusedException(origin(target), status);
      }
      if (redirects >= MAX_REDIRECTS) {
        response.close();
        throw new TooManyRedirectsException();
      }
      Request next = followUp(response.request(), target, status, sameOrigin, credentials);
      LOG.debug("following HTTP {} from {} to {}", status, origin(original.url()), origin(target));
      response.close();
      response = chain.proceed(next);
    }
  }

  private static HttpUrl redirectTarget(Response response) {
    int status = response.code();
    boolean redirect =
        status == 300
            || status == 301
            || status == 302
            || status == 303
            || status == 307
            || status == 308;
    if (!redirect) {
      return null;
    }
    String location = response.header("Location");
    return location == null ? null : response.request().url().resolve(location);
  }

  private static Request followUp(
      Request previous, HttpUrl target, int status, boolean sameOrigin, Credentials credentials) {
    Request.Builder next = previous.newBuilder().url(target);
    String method = previous.method();
    boolean hasBody = !method.equals("GET") && !method.equals("HEAD");
    if (hasBody && status != 307 && status != 308) {
      next.method("GET", null)
          .removeHeader("Content-Type")
          .removeHeader("Content-Length")
          .removeHeader("Transfer-Encoding");
    }
    if (!sameOrigin) {
      for (String name : previous.headers().names()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALWAYS_SENSITIVE.contains(lower)
            || credentials.secretHeaders().stream().anyMatch(name::equalsIgnoreCase)) {
          next.removeHeader(name);
        }
      }
    }
    return next.build();
  }

  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
