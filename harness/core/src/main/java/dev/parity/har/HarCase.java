package dev.parity.har;

import java.util.Map;
import java.util.Optional;

/**
 * One case made of a HAR request.
 *
 * @param id the case id, {@code har/<method>/<path>}; its case file is {@code <id>.yaml}
 * @param request the case's {@code request:} mapping, as written to the case file
 * @param bodyFile bytes written beside the case file ({@code <id>.body}) when the body is not text
 */
public record HarCase(String id, Map<String, Object> request, Optional<byte[]> bodyFile) {}
