package io.cexsafe.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.Json;
import io.cexsafe.Provenance;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.RunPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

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
    return HexFormat.of().formatHex(sha256Bytes(text));
  }

  /** The SHA-256 of the text's UTF-8 bytes, 32 bytes (store_evidence keys it as 64 hex digits). */
  static byte[] sha256Bytes(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** The first byte of {@link #evidenceUsed(List, List)}'s form: its layout's version. */
  private static final byte EVIDENCE_USED_FORMAT = 1;

  private static final int DIGEST_BYTES = 32;

  /** One piece's bytes in {@link #evidenceUsed(List, List)}: digest, epoch second, nanosecond. */
  private static final int EVIDENCE_USED_ENTRY = DIGEST_BYTES + Long.BYTES + Integer.BYTES;

  /** A piece of evidence an exchange used: its stored body's digest (hex) and retrieval time. */
  record EvidenceUse(String digest, Instant retrievedAt) {}

  /**
   * The evidence an exchange used, in order, as kept in {@code store_summary.evidence_used} (schema
   * 4): a format byte, then per piece its digest's 32 bytes and its retrieval time's epoch second
   * and nanosecond (exact, big-endian). One column of the exchange's own row instead of a row and
   * an index entry per piece in {@code store_run_evidence}.
   *
   * @param digests each piece's {@link #sha256Bytes} digest, in order
   * @param retrieved each piece's retrieval time, in the same order
   */
  static byte[] evidenceUsed(List<byte[]> digests, List<Instant> retrieved) {
    if (digests.size() != retrieved.size()) {
      throw new IllegalArgumentException(
          digests.size() + " digests for " + retrieved.size() + " retrieval times");
    }
    java.nio.ByteBuffer packed =
        java.nio.ByteBuffer.allocate(1 + EVIDENCE_USED_ENTRY * digests.size());
    packed.put(EVIDENCE_USED_FORMAT);
    for (int i = 0; i < digests.size(); i++) {
      byte[] digest = digests.get(i);
      if (digest.length != DIGEST_BYTES) {
        throw new IllegalArgumentException("a digest of " + digest.length + " bytes");
      }
      packed.put(digest);
      packed.putLong(retrieved.get(i).getEpochSecond());
      packed.putInt(retrieved.get(i).getNano());
    }
    return packed.array();
  }

  /**
   * The evidence uses of {@link #evidenceUsed(List, List)}'s bytes.
   *
   * @throws IllegalStateException when the bytes are not such a list
   */
  static List<EvidenceUse> evidenceUsed(byte[] packed) {
    if (packed.length == 0
        || packed[0] != EVIDENCE_USED_FORMAT
        || (packed.length - 1) % EVIDENCE_USED_ENTRY != 0) {
      throw new IllegalStateException(
          "stored list of the evidence used is damaged or of a newer format");
    }
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(packed, 1, packed.length - 1);
    HexFormat hex = HexFormat.of();
    List<EvidenceUse> used = new java.util.ArrayList<>((packed.length - 1) / EVIDENCE_USED_ENTRY);
    byte[] digest = new byte[DIGEST_BYTES];
    while (in.hasRemaining()) {
      in.get(digest);
      long second = in.getLong();
      int nano = in.getInt();
      if (nano < 0 || nano > 999_999_999) {
        throw new IllegalStateException("stored list of the evidence used is damaged");
      }
      used.add(new EvidenceUse(hex.formatHex(digest), Instant.ofEpochSecond(second, nano)));
    }
    return used;
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
   * How hard {@link #packedScorecard} compresses: the fastest level, with the dictionary below,
   * shrinks a scorecard's JSON about thirtyfold (its keys and rule texts repeat), and higher levels
   * cost more CPU than the bytes they save (docs/performance-store.md).
   */
  static final int PACK_LEVEL = Deflater.BEST_SPEED;

  /**
   * The preset dictionary of schema 4's packed scorecards: one scorecard's JSON (the catalogue's
   * {@code okx}, offline, 2026-11-21), whose keys and rule texts every scorecard repeats. Its bytes
   * must never change: a stored scorecard names it by its Adler-32 (zlib's FDICT header), checked
   * when it is loaded and before it is used. A new dictionary would be a new resource beside it.
   */
  private static final String DICTIONARY_RESOURCE = "scorecard-dictionary-1.json";

  /** The Adler-32 of {@link #DICTIONARY_RESOURCE}'s bytes, as zlib's header records it. */
  static final int DICTIONARY_ADLER = 0x390c3af5;

  private static final class Dictionary {
    static final byte[] BYTES = load();

    private static byte[] load() {
      try (InputStream in = Codec.class.getResourceAsStream(DICTIONARY_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the store's " + DICTIONARY_RESOURCE + " is missing");
        }
        byte[] bytes = in.readAllBytes();
        Adler32 adler = new Adler32();
        adler.update(bytes);
        if ((int) adler.getValue() != DICTIONARY_ADLER) {
          throw new IllegalStateException("the store's " + DICTIONARY_RESOURCE + " was altered");
        }
        return bytes;
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the store's " + DICTIONARY_RESOURCE, e);
      }
    }
  }

  /**
   * A compressor and its output buffer per thread: making them allocates native state and a buffer,
   * which costs more than compressing one scorecard.
   */
  private static final class Packer {
    final Deflater deflater = new Deflater(PACK_LEVEL);
    byte[] buffer = new byte[4096];
  }

  private static final ThreadLocal<Packer> PACKERS = ThreadLocal.withInitial(Packer::new);

  /**
   * The scorecard as kept in {@code store_summary.scorecard}: its JSON, exactly as {@link
   * #scorecard(Scorecard)} writes it, in the zlib format (deflate with a checksum, so damage is
   * detected rather than misread) with {@link #DICTIONARY_RESOURCE} as preset dictionary (schema 4;
   * schema 3 packed without one). A 12 KB scorecard then takes about 0.4 KB of its summary row.
   */
  static byte[] packedScorecard(Scorecard scorecard) {
    // the shared mapper, whose serialisers the report's output and the evidence already built: a
    // mapper of its own would introspect the scorecard's types again in every cold process
    byte[] json = scorecard(scorecard).getBytes(StandardCharsets.UTF_8);
    Packer packer = PACKERS.get();
    Deflater deflater = packer.deflater;
    deflater.reset();
    deflater.setDictionary(Dictionary.BYTES);
    deflater.setInput(json);
    deflater.finish();
    int length = 0;
    while (!deflater.finished()) {
      if (length == packer.buffer.length) {
        packer.buffer = java.util.Arrays.copyOf(packer.buffer, 2 * length);
      }
      length += deflater.deflate(packer.buffer, length, packer.buffer.length - length);
    }
    return java.util.Arrays.copyOf(packer.buffer, length);
  }

  /**
   * The scorecard of {@link #packedScorecard(Scorecard)}'s bytes, with or without the dictionary
   * (schema 4 or 3).
   *
   * @throws IllegalStateException when the bytes are not a packed scorecard
   */
  static Scorecard packedScorecard(byte[] packed) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(packed);
      byte[] json = new byte[Math.max(4096, packed.length * 8)];
      int length = 0;
      while (!inflater.finished()) {
        if (length == json.length) {
          json = java.util.Arrays.copyOf(json, 2 * length);
        }
        int inflated = inflater.inflate(json, length, json.length - length);
        length += inflated;
        if (inflated == 0) {
          if (inflater.needsDictionary()) {
            if (inflater.getAdler() != DICTIONARY_ADLER) {
              throw new IllegalStateException(
                  "stored scorecard names a dictionary this version does not know");
            }
            inflater.setDictionary(Dictionary.BYTES);
          } else if (inflater.needsInput()) {
            throw new IllegalStateException("stored scorecard is damaged: it ends too early");
          }
        }
      }
      return Mapper.INSTANCE.readValue(json, 0, length, Scorecard.class);
    } catch (JsonProcessingException e) {
      throw Json.invalid("stored scorecard", e);
    } catch (DataFormatException | IOException e) {
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
