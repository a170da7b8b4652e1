package dev.parity.har;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request of a HAR capture, as captured.
 *
 * @param index its position in {@code log.entries}, for messages
 * @param method upper-case method
 * @param url the absolute URL requested
 * @param headers the request headers in the order captured
 * @param body the request body's bytes, if any
 */
public record HarEntry(
    int index,
    String method,
    URI url,
    List<Map.Entry<String, String>> headers,
    Optional<byte[]> body) {
  public HarEntry {
    headers = List.copyOf(headers);
  }
}
