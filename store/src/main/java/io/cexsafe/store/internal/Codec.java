package io.cexsafe.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.cexsafe.CexsafeException;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.Json;
import io.cexsafe.Provenance;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.RunPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** How values become the store's text columns and back. */
final class Codec {
  private Codec() {}

  /**
   * Created on first use: reading history (pillars from their text column) needs no mapper, and
   * creating one costs a cold {@code history} about 0.15 s.
   */
  private static final class Mapper {
    static final com.fasterxml.jackson.databind.ObjectMapper INSTANCE = Json.mapper();
  }

  /** The evidence as stored once for all runs: its JSON without the retrieval time. */
  static String storedEvidence(Evidence evidence) {
    Provenance p = evidence.provenance();
    Provenance timeless =
        new Provenance(
            p.collectorId(),
            p.sourceUrl(),
            p.sourceTitle(),
            p.observedAt(),
            Instant.EPOCH,
            p.evidenceClass(),
            p.staleAfter(),
            p.note());
    return Json.write(
        new Evidence(evidence.id(), evidence.exchangeId(), evidence.fact(), timeless));
  }

  static Evidence evidence(String body, Instant retrievedAt) {
    Evidence stored = Json.read(body, "stored evidence", Evidence.class);
    Provenance p = stored.provenance();
    return new Evidence(
        stored.id(),
        stored.exchangeId(),
        stored.fact(),
        new Provenance(
            p.collectorId(),
            p.sourceUrl(),
            p.sourceTitle(),
            p.observedAt(),
            retrievedAt,
            p.evidenceClass(),
            p.staleAfter(),
            p.note()));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  static String outcome(CollectorOutcome outcome) {
    return Json.write(outcome);
  }

  static CollectorOutcome outcome(String body) {
    return Json.read(body, "stored collector outcome", CollectorOutcome.class);
  }

  static String scorecard(Scorecard scorecard) {
    return Json.write(scorecard);
  }

  static Scorecard scorecard(String body) {
    return Json.read(body, "stored scorecard", Scorecard.class);
  }

  /**
   * How hard {@link #packedScorecard} compresses: the fastest level already shrinks a scorecard's
   * JSON about fivefold (its keys and rule texts repeat), and higher levels cost more CPU than the
   * pages they save (docs/performance-store.md).
   */
  static final int PACK_LEVEL = Deflater.BEST_SPEED;

  /**
   * A compressor per thread: making one allocates its native state, which costs more than using it.
   */
  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(PACK_LEVEL));

  /**
   * The scorecard as kept in {@code store_summary.scorecard} (schema 3): its JSON, exactly as
   * {@link #scorecard(Scorecard)} writes it, in the zlib format (deflate with a checksum, so damage
   * is detected rather than misread). A 12 KB scorecard then fits in the summary's own page instead
   * of spanning overflow pages of a table of its own.
   */
  static byte[] packedScorecard(Scorecard scorecard) {
    Deflater deflater = DEFLATERS.get();
    deflater.reset();
    ByteArrayOutputStream packed = new ByteArrayOutputStream(4096);
    // the shared mapper, whose serialisers the report's output and the evidence already built: a
    // mapper of its own would introspect the scorecard's types again in every cold process
    byte[] json = scorecard(scorecard).getBytes(StandardCharsets.UTF_8);
    try (DeflaterOutputStream out = new DeflaterOutputStream(packed, deflater, 4096)) {
      out.write(json);
    } catch (IOException e) {
      throw new CexsafeException("cannot serialise Scorecard", e);
    }
    return packed.toByteArray();
  }

  /**
   * The scorecard of {@link #packedScorecard(Scorecard)}'s bytes.
   *
   * @throws IllegalStateException when the bytes are not a packed scorecard
   */
  static Scorecard packedScorecard(byte[] packed) {
    Inflater inflater = new Inflater();
    try (InputStream in =
        new InflaterInputStream(new ByteArrayInputStream(packed), inflater, 4096)) {
      return Mapper.INSTANCE.readValue(in, Scorecard.class);
    } catch (JsonProcessingException e) {
      throw Json.invalid("stored scorecard", e);
    } catch (IOException e) {
      throw new IllegalStateException("stored scorecard is damaged: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** Pillar scores as kept in {@code store_summary.pillars}. */
  static String pillars(List<io.cexsafe.scoring.PillarScore> pillars) {
    StringBuilder text = new StringBuilder();
    for (io.cexsafe.scoring.PillarScore p : pillars) {
      if (text.length() > 0) {
        text.append(';');
      }
      text.append(p.pillar().id())
          .append('=')
          .append(p.estimate() == null ? "" : Double.toString(p.estimate()))
          .append('/')
          .append(p.low())
          .append('/')
          .append(p.high())
          .append('/')
          .append(p.coverage());
    }
    return text.toString();
  }

  /** Pillars by the ids {@link #pillars(List)} writes. */
  private static final Map<String, io.cexsafe.Pillar> PILLARS_BY_ID =
      java.util.Arrays.stream(io.cexsafe.Pillar.values())
          .collect(java.util.stream.Collectors.toUnmodifiableMap(io.cexsafe.Pillar::id, p -> p));

  /**
   * The pillar points of {@link #pillars(List)}'s text; pillars this version does not know are left
   * out. History parses one such text per point, so this scans it without regular expressions or
   * intermediate arrays.
   */
  static List<io.cexsafe.store.PillarPoint> pillars(String text) {
    List<io.cexsafe.store.PillarPoint> points = new java.util.ArrayList<>(8);
    if (text == null || text.isEmpty()) {
      return points;
    }
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf(';', start);
      if (end < 0) {
        end = text.length();
      }
      int eq = text.indexOf('=', start);
      String id = text.substring(start, eq);
      io.cexsafe.Pillar pillar = PILLARS_BY_ID.get(id);
      if (pillar == null) {
        pillar = io.cexsafe.Pillar.find(id).orElse(null);
      }
      if (pillar != null) {
        int estimateEnd = text.indexOf('/', eq + 1);
        int lowEnd = text.indexOf('/', estimateEnd + 1);
        int highEnd = text.indexOf('/', lowEnd + 1);
        points.add(
            new io.cexsafe.store.PillarPoint(
                pillar,
                estimateEnd == eq + 1 ? null : Double.valueOf(text.substring(eq + 1, estimateEnd)),
                Double.parseDouble(text.substring(estimateEnd + 1, lowEnd)),
                Double.parseDouble(text.substring(lowEnd + 1, highEnd)),
                Double.parseDouble(text.substring(highEnd + 1, end))));
      }
      start = end + 1;
    }
    return points;
  }

  /** The plan's JSON form in {@code store_run.plan}. */
  record PlanJson(String asOf, List<String> exchanges, Map<String, String> settings) {}

  static String plan(RunPlan plan) {
    return Json.write(new PlanJson(plan.asOf().toString(), plan.exchangeIds(), plan.settings()));
  }

  static RunPlan plan(String runId, String body) {
    PlanJson json;
    try {
      json = Mapper.INSTANCE.readValue(body, new TypeReference<PlanJson>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored plan of run " + runId + " is unreadable", e);
    }
    return new RunPlan(runId, Instant.parse(json.asOf()), json.exchanges(), json.settings());
  }
}
