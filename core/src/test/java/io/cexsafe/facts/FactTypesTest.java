package io.cexsafe.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactTypesTest {
  /**
   * The published JSON vocabulary, in order. A name here never changes: evidence files written by
   * earlier versions must read back, and evidence JSON stays byte-identical.
   */
  private static final List<String> PUBLISHED =
      List.of(
          "reserve-snapshot",
          "reserve-composition",
          "reserve-trend",
          "net-flow",
          "cold-storage",
          "key-management",
          "asset-segregation",
          "custody-provider",
          "por-attestation",
          "por-dashboard",
          "proof-verification",
          "insurance-policy",
          "protection-programme",
          "self-insurance-fund",
          "licence",
          "regulatory-warning",
          "security-control",
          "certification",
          "bug-bounty",
          "security-rating",
          "incident",
          "incident-record-check",
          "search-record",
          "identity-resolution",
          "app-rating",
          "app-availability",
          "review-themes",
          "support-channel",
          "complaint-handling",
          "user-base",
          "governance",
          "extension");

  @Test
  void everyPermittedSubtypeIsNamedAndTheNamesArePublishedOnes() {
    assertThat(FactTypes.all().keySet()).containsExactlyElementsOf(PUBLISHED);
    assertThat(FactTypes.all().values())
        .containsExactlyInAnyOrder(
            Arrays.stream(Fact.class.getPermittedSubclasses())
                .map(c -> c.asSubclass(Fact.class))
                .toArray(Class[]::new));
    assertThat(FactTypes.nameOf(ReserveSnapshot.class)).isEqualTo("reserve-snapshot");
    assertThat(FactTypes.find("licence")).contains(Licence.class);
    assertThat(FactTypes.find("no-such-type")).isEmpty();
  }

  @Test
  void aPermittedSubtypeWithoutANameIsRejected() {
    assertThatThrownBy(
            () -> FactTypes.byName(FakeFact.class, new Class<?>[] {Named.class, UnnamedFact.class}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(UnnamedFact.class.getName())
        .hasMessageContaining("declares no @JsonTypeName");
  }

  @Test
  void aNameDeclaredTwiceIsRejected() {
    assertThatThrownBy(
            () ->
                FactTypes.byName(FakeFact.class, new Class<?>[] {Named.class, LicenceAgain.class}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "fact type name 'licence' is declared by both "
                + Named.class.getName()
                + " and "
                + LicenceAgain.class.getName());
  }

  @Test
  void aClassThatIsNoFactIsRejected() {
    assertThatThrownBy(() -> FactTypes.byName(FakeFact.class, new Class<?>[] {String.class}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("java.lang.String is not a FakeFact");
  }

  @Test
  void anUnregisteredClassHasNoName() {
    assertThatThrownBy(() -> FactTypes.nameOf(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a registered fact type: java.lang.String");
  }

  @Test
  void anyJacksonMapperReadsAndWritesFactsByTheirNames() throws Exception {
    ObjectMapper plain = new ObjectMapper();
    Fact fact = new UserBase(5, "EU");
    String json = plain.writeValueAsString(fact);
    assertThat(json).isEqualTo("{\"type\":\"user-base\",\"users\":5,\"scope\":\"EU\"}");
    assertThat(plain.readValue(json, Fact.class)).isEqualTo(fact);
  }

  @Test
  void anUnknownTypeNameIsAClearError() {
    assertThatThrownBy(() -> Json.read("{\"type\":\"reserve-snapshots\"}", "f.json", Fact.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown type 'reserve-snapshots'");
  }

  /** Facts are sealed, so the registry's checks run here over stand-ins of the same shape. */
  interface FakeFact {}

  @JsonTypeName("licence")
  abstract static class Named implements FakeFact {}

  @JsonTypeName("licence")
  abstract static class LicenceAgain implements FakeFact {}

  abstract static class UnnamedFact implements FakeFact {}
}
