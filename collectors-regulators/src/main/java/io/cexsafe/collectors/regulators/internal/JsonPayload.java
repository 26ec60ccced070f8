package io.cexsafe.collectors.regulators.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.Json;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;

/** Reading third-party JSON bodies defensively. */
final class JsonPayload {
  private static final ObjectMapper MAPPER =
      Json.mapper()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());

  private JsonPayload() {}

  /** The body as a JSON object; HTML, empty, broken or non-object bodies are failures. */
  static JsonNode object(FetchResponse response, String source) throws SourceException {
    String text = response.text();
    if (text.isBlank()) {
      throw Payloads.malformed(source, "empty body where JSON was expected");
    }
    if (Payloads.looksLikeHtml(text)) {
      throw Payloads.htmlInsteadOf("JSON", text, source);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw Payloads.malformed(source, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw Payloads.malformed(source, "expected a JSON object");
    }
    return node;
  }

  /** A text field, trimmed; "" when absent or null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? "" : value.asText("").trim();
  }
}
