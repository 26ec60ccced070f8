package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Poseidon with regenerated constants against the reference's published values. */
class PoseidonTest {
  private static final BigInteger ONE = BigInteger.ONE;
  private static final BigInteger TWO = BigInteger.TWO;

  private static BigInteger hex(String value) {
    return new BigInteger(value.substring(2), 16);
  }

  @Test
  void outputIndexOneOfTwoInputs() {
    assertThat(Poseidon.of(1, 12).hash(ONE, TWO))
        .isEqualTo(hex("0x0fca49b798923ab0239de1c9e7a4a9a2210312b6a2f616d18b5a87f9b628ae29"));
  }

  @Test
  void circomlibOutputIndexZeroIsTheStandardValue() {
    assertThat(Poseidon.circomlib().hash(ONE, TWO))
        .isEqualTo(hex("0x115cc0f5e7d690413df64c6b9662e9cf2a3617f2743245519e19607a4417189a"));
  }

  @Test
  void fourInputs() {
    assertThat(Poseidon.of(1, 12).hash(ONE, TWO, BigInteger.valueOf(3), BigInteger.valueOf(4)))
        .isEqualTo(hex("0x1148aaef609aa338b27dafd89bb98862d8bb2b429aceac47d86206154ffe053d"));
  }

  @Test
  void thirtyInputsInChunksOfTwelve() {
    List<BigInteger> inputs = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      inputs.add(BigInteger.valueOf(i));
    }
    assertThat(Poseidon.of(1, 12).hash(inputs))
        .isEqualTo(hex("0x2ff47ab8e9e9f6134600a8de8b8e99596e573620a7d8d39ed7b2c7cef9f105f1"));
    assertThat(Poseidon.of(1, 16).hash(inputs))
        .as("chunk size is a parameter and changes the result")
        .isNotEqualTo(hex("0x2ff47ab8e9e9f6134600a8de8b8e99596e573620a7d8d39ed7b2c7cef9f105f1"));
  }

  @Test
  void refusesValuesOutsideTheField() {
    assertThatThrownBy(() -> Poseidon.of(1, 12).hash(Poseidon.MODULUS, ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Poseidon.of(1, 12).hash(BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Poseidon.of(1, 12).hash(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Poseidon.of(2, 12)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Poseidon.of(1, 17)).isInstanceOf(IllegalArgumentException.class);
  }
}
