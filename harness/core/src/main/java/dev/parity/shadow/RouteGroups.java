package dev.parity.shadow;

/**
 * The route group of a request path: its first segment, the feature that ci/nginx-map.py routes
 * ({@code map $uri $parity_feature { ~^/(?<feature>[^/]+) $feature; }}), so a shadow verdict's
 * groups name the same features nginx switches one at a time.
 */
public final class RouteGroups {
  /** The group of {@code /} and of paths with an empty first segment. */
  public static final String ROOT = "root";

  private RouteGroups() {}

  /**
   * The first segment of {@code path} (a query is ignored); characters an nginx map key cannot hold
   * become {@code _}, so every group is a valid map key.
   */
  public static String of(String path) {
    String plain = path;
    int query = plain.indexOf('?');
    if (query >= 0) {
      plain = plain.substring(0, query);
    }
    int start = plain.startsWith("/") ? 1 : 0;
    int end = plain.indexOf('/', start);
    String segment = end < 0 ? plain.substring(start) : plain.substring(start, end);
    if (segment.isEmpty()) {
      return ROOT;
    }
    StringBuilder group = new StringBuilder(segment.length());
    for (int i = 0; i < segment.length() && group.length() < 64; i++) {
      char c = segment.charAt(i);
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      group.append(keep ? c : '_');
    }
    return group.toString();
  }
}
