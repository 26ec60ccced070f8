package io.cexsafe.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates documents against the published report schema. */
final class SchemaCheck {
  private static final JsonSchema SCHEMA = load();

  private SchemaCheck() {}

  private static JsonSchema load() {
    try (InputStream in = ReportWriter.class.getResourceAsStream(ReportWriter.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema not on the classpath");
      }
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of a document, as readable lines; empty when it conforms. */
  static String violations(JsonNode document) {
    Set<ValidationMessage> errors = SCHEMA.validate(document);
    return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
  }
}
