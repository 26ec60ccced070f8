package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReferenceTest {
  @TempDir Path dir;

  @Test
  void acceptsUrlsRepositoryFilesAtACommitAndCarriedMarkers() {
    assertThat(SourceReference.isValid("https://www.esma.europa.eu/sites/default/files/x.csv"))
        .isTrue();
    assertThat(
            SourceReference.isValid(
                "github.com/DefiLlama/defillama-server@00b3a04ced524e4a21005fa909c32c00cdf603ef"
                    + ":defi/src/protocols/cex.ts"))
        .isTrue();
    assertThat(SourceReference.isValid("carried:51e6a71")).isTrue();
    assertThat(SourceReference.isCarried("carried:51e6a71")).isTrue();
    assertThat(SourceReference.isCarried("https://example.com")).isFalse();
  }

  @Test
  void rejectsVagueSources() {
    assertThat(SourceReference.isValid(null)).isFalse();
    assertThat(SourceReference.isValid("DeFiLlama")).isFalse();
    assertThat(SourceReference.isValid("github.com/DefiLlama/defillama-server:cex.ts")).isFalse();
    assertThat(SourceReference.isValid("github.com/DefiLlama/defillama-server@main:cex.ts"))
        .isFalse();
    assertThat(SourceReference.isValid("ftp://example.com/x")).isFalse();
    assertThat(SourceReference.isValid("carried:")).isFalse();
    assertThatThrownBy(
            () -> new ExchangeIdentifier("fca.frn", "941745", null, null, "a friend", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fca.frn 941745")
        .hasMessageContaining("source must be");
  }

  @Test
  void identifiersAndEntitiesKeepTheirSourceThroughJson() {
    ExchangeIdentifier id =
        new ExchangeIdentifier("fca.frn", "941745", "Foris DAX UK Limited", null)
            .sourcedFrom("https://register.fca.org.uk/s/firm?id=941745", LocalDate.of(2026, 12, 7));
    String json = Json.write(id);
    assertThat(json).contains("\"sourcedOn\":\"2026-12-07\"").contains("register.fca.org.uk");
    assertThat(Json.read(json, "test", ExchangeIdentifier.class)).isEqualTo(id);
    assertThat(Json.write(new ExchangeIdentifier("apple.id", "1"))).doesNotContain("source");
    LegalEntity entity =
        new LegalEntity("X Ltd", "gb", null, null, "carried:51e6a71", LocalDate.of(2026, 11, 21));
    assertThat(Json.read(Json.write(entity), "test", LegalEntity.class)).isEqualTo(entity);
    assertThat(entity.toString()).isEqualTo("X Ltd (GB)");
  }

  @Test
  void catalogueFileWithABadSourceOrDateNamesThePath() throws Exception {
    Path file = dir.resolve("mine.json");
    Files.writeString(
        file,
        "{\"exchanges\": [{\"id\": \"x\", \"name\": \"X\", \"identifiers\": ["
            + "{\"scheme\": \"apple.id\", \"value\": \"1\", \"source\": \"somewhere\"}]}]}");
    assertThatThrownBy(() -> ExchangeCatalog.load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.path()).startsWith("$.exchanges[0].identifiers[0]");
              assertThat(e.problem()).contains("source must be");
            });
    Files.writeString(
        file,
        "{\"exchanges\": [{\"id\": \"x\", \"name\": \"X\", \"identifiers\": ["
            + "{\"scheme\": \"apple.id\", \"value\": \"1\", \"sourcedOn\": \"07/12/2026\"}]}]}");
    assertThatThrownBy(() -> ExchangeCatalog.load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.path()).startsWith("$.exchanges[0].identifiers[0].sourcedOn"));
  }
}
