package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.por.ProofCollectorProvider;
import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.io.TempDir;

/** The shared collector contract; the proof collector reads only the user's local files. */
class ProofCollectorContractTest extends CollectorContractTest {
  @TempDir Path temp;

  @Override
  protected EvidenceCollectorProvider provider() {
    return new ProofCollectorProvider();
  }

  @Override
  protected Map<String, String> settings(MockWebServer server) {
    Path proof = temp.resolve("crypto-com-proof.json");
    if (!Files.exists(proof)) {
      try {
        Files.writeString(proof, Generators.silverSixpence(new Random(7), 9).proof());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.of(
        "proof." + exchange().id(), proof.toString(), "snapshot.crypto-com", "2026-10-01");
  }

  @Override
  protected void serveHappyPath(MockWebServer server) {
    // nothing to serve: proofs are local files
  }

  @Override
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {
    assertThat(requests).as("the proof collector never calls the network").isEmpty();
  }
}
