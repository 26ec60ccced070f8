package io.cexsafe.scoring;

/**
 * A letter grade for an overall point estimate, on the scale familiar from credit ratings. Each
 * grade covers the estimates from its {@link #floor()} (inclusive) up to the next grade's floor.
 */
public enum Grade {
  /** Estimates from 90: the strongest. */
  AAA(90),
  /** Estimates from 80. */
  AA(80),
  /** Estimates from 70. */
  A(70),
  /** Estimates from 60: the lowest investment-grade letter. */
  BBB(60),
  /** Estimates from 50: speculative. */
  BB(50),
  /** Estimates from 40. */
  B(40),
  /** Estimates from 30: substantial risk. */
  CCC(30),
  /** Estimates from 20. */
  CC(20),
  /** Estimates from 10. */
  C(10),
  /** Estimates below 10: the weakest. */
  D(0);

  private final int floor;

  Grade(int floor) {
    this.floor = floor;
  }

  /** {@return the lowest overall estimate (out of 100) that earns this grade} */
  public int floor() {
    return floor;
  }

  /**
   * The grade of an overall estimate.
   *
   * @param estimate an estimate in [0, 100]
   * @return the grade whose range holds it
   */
  public static Grade of(double estimate) {
    if (Double.isNaN(estimate) || estimate < 0 || estimate > 100) {
      throw new IllegalArgumentException("estimate must be within [0, 100]: " + estimate);
    }
    for (Grade grade : values()) {
      if (estimate >= grade.floor) {
        return grade;
      }
    }
    return D;
  }

  /**
   * Caps this grade.
   *
   * @param cap the best grade allowed
   * @return this grade, or {@code cap} when the cap is worse
   */
  public Grade atMost(Grade cap) {
    return cap == null || cap.ordinal() <= ordinal() ? this : cap;
  }

  /**
   * Compares grades.
   *
   * @param other the grade to compare with
   * @return true when this grade is worse than {@code other}
   */
  public boolean worseThan(Grade other) {
    return ordinal() > other.ordinal();
  }
}
