package io.cexsafe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.CexsafeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordDigestTest {
  private static final byte[] SOURCE = "{\"any\": \"json\"}".getBytes(StandardCharsets.UTF_8);

  enum Colour {
    RED,
    BLUE
  }

  sealed interface Shape permits Circle, Square {}

  record Circle(BigDecimal radius) implements Shape {}

  record Square(double side, Colour colour) implements Shape {}

  record Everything(
      String text,
      String absent,
      boolean flag,
      int count,
      long big,
      double real,
      Double boxed,
      Double noBoxed,
      BigDecimal amount,
      BigInteger integer,
      URI uri,
      LocalDate day,
      Instant instant,
      Colour colour,
      List<String> texts,
      Set<Colour> colours,
      Map<String, BigDecimal> amounts,
      List<Shape> shapes,
      Shape shape,
      Everything nested) {}

  record Holder(Object anything) {}

  private static Everything sample(Everything nested) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    amounts.put("b", new BigDecimal("1.500"));
    amounts.put("a", new BigDecimal("-2E+3"));
    return new Everything(
        "héllo \u20ac 𝄞",
        null,
        true,
        -7,
        Long.MAX_VALUE,
        Double.NaN,
        0.1,
        null,
        new BigDecimal("123456789012345678901234567890.000100"),
        new BigInteger("-98765432109876543210"),
        URI.create("https://example.com/a%20b?q=1#f"),
        LocalDate.of(1999, 12, 31),
        Instant.parse("2026-12-07T21:00:00.123456789Z"),
        Colour.BLUE,
        List.of("x", "héllo \u20ac 𝄞", "x"),
        new LinkedHashSet<>(List.of(Colour.BLUE, Colour.RED)),
        amounts,
        List.of(new Circle(new BigDecimal("1.0")), new Square(2.5, Colour.RED)),
        new Square(-0.0, null),
        nested);
  }

  @Test
  void everySupportedShapeRoundTripsExactly() {
    Everything value = sample(sample(null));
    byte[] digest = RecordDigest.write(SOURCE, Everything.class, value);
    Everything read = RecordDigest.read(digest, SOURCE, "t", Everything.class, Map.of());

    assertThat(read).isEqualTo(value);
    assertThat(read.amount().scale()).isEqualTo(6);
    assertThat(read.amounts())
        .containsExactly(
            Map.entry("b", new BigDecimal("1.500")), Map.entry("a", new BigDecimal("-2E+3")));
    assertThat(read.colours()).containsExactly(Colour.BLUE, Colour.RED);
    assertThat(Double.doubleToRawLongBits(((Square) read.shape()).side()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    // repeated strings are written once
    assertThat(RecordDigest.write(SOURCE, Everything.class, value))
        .isEqualTo(digest)
        .hasSizeLessThan(700);
  }

  @Test
  void aFactoryReplacesReflection() {
    Circle circle = new Circle(BigDecimal.ONE);
    byte[] digest = RecordDigest.write(SOURCE, Circle.class, circle);
    Circle read =
        RecordDigest.read(
            digest,
            SOURCE,
            "t",
            Circle.class,
            Map.of(Circle.class, a -> new Circle(((BigDecimal) a[0]).add(BigDecimal.ONE))));
    assertThat(read).isEqualTo(new Circle(BigDecimal.valueOf(2)));
  }

  @Test
  void aTypeItCannotHoldFailsTheWriteNotTheRead() {
    assertThatThrownBy(() -> RecordDigest.write(SOURCE, Holder.class, new Holder(new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a digest cannot hold java.lang.Object");
  }

  @Test
  void aRecordThatNoLongerValidatesIsReportedAsStale() {
    byte[] digest = RecordDigest.write(SOURCE, Circle.class, new Circle(BigDecimal.ONE));
    assertThatThrownBy(
            () ->
                RecordDigest.read(
                    digest,
                    SOURCE,
                    "t",
                    Circle.class,
                    Map.of(
                        Circle.class,
                        a -> {
                          throw new IllegalArgumentException("radius must be negative");
                        })))
        .isInstanceOf(CexsafeException.class)
        .hasMessageStartingWith("t is stale (its content no longer fits this build's classes")
        .hasMessageContaining("radius must be negative");
  }

  @Test
  void anotherFormatVersionIsStaleNotCorrupt() {
    byte[] digest = RecordDigest.write(SOURCE, Circle.class, new Circle(BigDecimal.ONE));
    byte[] other = digest.clone();
    other[7] = 9;
    // reseal it, as a future writer would
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(other, 0, other.length - 4);
    int value = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      other[other.length - 4 + i] = (byte) (value >>> (24 - 8 * i));
    }
    assertThatThrownBy(() -> RecordDigest.read(other, SOURCE, "t", Circle.class, Map.of()))
        .isInstanceOf(CexsafeException.class)
        .hasMessageStartingWith("t is stale (format version 9, this build reads 1)");
  }
}
