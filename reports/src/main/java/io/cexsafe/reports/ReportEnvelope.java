package io.cexsafe.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.Json;
import io.cexsafe.RunId;
import io.cexsafe.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields every JSON document and every JSON line cexsafe writes begins with, so that a pipeline
 * can tell what it reads without knowing which command wrote it: {@code schemaVersion} ({@value
 * #SCHEMA_VERSION}), {@code kind} (what the rest of the document is, e.g. {@code assessments}),
 * {@code cexsafeVersion}, {@code runId} (the same id the log lines and a stored run carry) and
 * {@code asOf} (the evaluation instant, or null for output not evaluated at a date, such as the
 * exchange list). The document's own fields follow. See {@code docs/report-schema.md}.
 *
 * @param kind what the document holds: lower-case words joined by hyphens
 * @param runId the run that wrote it
 * @param asOf the evaluation instant, or null
 */
public record ReportEnvelope(String kind, RunId runId, Instant asOf) {
  /**
   * The version of the JSON shapes; it changes when a field is removed or renamed, not when an
   * optional one is added.
   */
  public static final int SCHEMA_VERSION = 2;

  private static final Pattern KIND = Pattern.compile("[a-z]+(-[a-z]+)*");

  /**
   * Checks the kind and the run id.
   *
   * @param kind what the document holds: lower-case words joined by hyphens
   * @param runId the run that wrote it
   * @param asOf the evaluation instant, or null
   * @throws IllegalArgumentException when the kind is not lower-case words joined by hyphens
   */
  public ReportEnvelope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(runId, "runId");
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "invalid document kind '" + kind + "': expected lower-case words joined by hyphens");
    }
  }

  /**
   * An envelope of the given kind for a run, with its evaluation instant (or null).
   *
   * @param kind what the document holds, e.g. {@code assessments}
   * @param runId the run that writes it
   * @param asOf the evaluation instant, or null for output not evaluated at a date
   * @return the envelope
   * @throws IllegalArgumentException when the kind is not lower-case words joined by hyphens
   */
  public static ReportEnvelope of(String kind, RunId runId, Instant asOf) {
    return new ReportEnvelope(kind, runId, asOf);
  }

  /**
   * The envelope's fields followed by the fields of {@code body}, which must serialise to a JSON
   * object (a map, a record, a bean) without fields of the envelope's names.
   *
   * @param body the document's own fields
   * @return a new JSON object: the envelope's fields, then the body's
   * @throws IllegalArgumentException when the body is not an object or repeats an envelope field
   */
  public ObjectNode wrap(Object body) {
    JsonNode fields = Json.tree(body);
    if (!(fields instanceof ObjectNode object)) {
      throw new IllegalArgumentException(
          "a " + kind + " document must be a JSON object, not " + fields.getNodeType());
    }
    ObjectNode document = object.objectNode();
    document.put("schemaVersion", SCHEMA_VERSION);
    document.put("kind", kind);
    document.put("cexsafeVersion", Version.current());
    document.put("runId", runId.value());
    if (asOf == null) {
      document.putNull("asOf");
    } else {
      document.put("asOf", asOf.toString());
    }
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (document.has(name)) {
                throw new IllegalArgumentException(
                    "a " + kind + " document repeats the envelope field '" + name + "'");
              }
            });
    document.setAll(object);
    return document;
  }

  /**
   * {@link #wrap} as indented JSON ending with a newline: a JSON document.
   *
   * @param body the document's own fields
   * @return the document's text
   * @throws IllegalArgumentException as {@link #wrap} does
   */
  public String pretty(Object body) {
    return Json.writePretty(wrap(body));
  }

  /**
   * {@link #wrap} as one line of compact JSON, without the line break: one line of JSON lines.
   *
   * @param body the line's own fields
   * @return the line's text
   * @throws IllegalArgumentException as {@link #wrap} does
   */
  public String line(Object body) {
    return Json.write(wrap(body));
  }
}
