package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ConfigurationException;
import io.cexsafe.Pillar;
import org.junit.jupiter.api.Test;

class PersonasTest {
  @Test
  void fivePersonasWithValidWeightsAndKnownHighlights() {
    assertThat(Personas.all())
        .extracting(Persona::id)
        .containsExactly(
            "long-term-holder", "active-trader", "card-first", "web3-nft", "institution");
    for (Persona persona : Personas.all()) {
      assertThat(persona.rationale()).isNotBlank();
      assertThat(persona.methodology().id()).isEqualTo("persona-" + persona.id());
      assertThat(persona.highlights()).hasSizeBetween(2, 3);
      persona.highlights().forEach(h -> assertThat(Scorer.rules()).anyMatch(r -> r.id().equals(h)));
    }
    assertThat(Personas.find("institution").methodology().weight(Pillar.REGULATION)).isEqualTo(20);
  }

  @Test
  void findsByIdOrDisplayNameIgnoringCase() {
    assertThat(Personas.find("Web3 / NFT user").id()).isEqualTo("web3-nft");
    assertThat(Personas.find("LONG-TERM-HOLDER").id()).isEqualTo("long-term-holder");
    assertThatThrownBy(() -> Personas.find("whale"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "unknown persona 'whale'; known: long-term-holder, active-trader, card-first,"
                + " web3-nft, institution");
  }

  @Test
  void verdictNamesWhatMattersMostAndHowTheExchangeDoes() {
    Persona trader = Personas.find("active-trader");
    Scorecard card = Scorer.of(trader.methodology()).score(Fixtures.realisticBundle("acme"));
    PersonaVerdict verdict = trader.verdict(card);
    assertThat(verdict.highlights())
        .extracting(RuleResult::ruleId)
        .containsExactlyElementsOf(trader.highlights());
    assertThat(verdict.verdict())
        .startsWith("For an active trader: " + card.gradeLabel())
        // methodology 2.0: disclosed controls earn 0.7 of their points (claims)
        .contains("api keys scoped and ip-restricted 3.8/10 (scoping default on)")
        .contains("2fa for withdrawals, totp or stronger 10.5/15");
  }

  @Test
  void personaWeightsChangeTheScore() {
    Scorecard holder =
        Scorer.of(Personas.find("long-term-holder").methodology())
            .score(Fixtures.realisticBundle("acme"));
    Scorecard trader =
        Scorer.of(Personas.find("active-trader").methodology())
            .score(Fixtures.realisticBundle("acme"));
    assertThat(holder.estimate()).isNotEqualTo(trader.estimate());
    assertThatThrownBy(() -> Personas.find("active-trader").verdict(holder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("persona-long-term-holder");
  }
}
