package io.cexsafe.scoring;

/**
 * A letter grade for an overall point estimate, on the scale familiar from credit ratings. Each
 * grade covers the estimates from its {@link #floor()} (inclusive) up to the next grade's floor.
 */
public enum Grade {
  AAA(90),
  AA(80),
  A(70),
  BBB(60),
  BB(50),
  B(40),
  CCC(30),
  CC(20),
  C(10),
  D(0);

  private final int floor;

  Grade(int floor) {
    this.floor = floor;
  }

  /** The lowest overall estimate (out of 100) that earns this grade. */
  public int floor() {
    return floor;
  }

  /** The grade of an overall estimate in [0, 100]. */
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

  /** This grade, or {@code cap} when the cap is worse. */
  public Grade atMost(Grade cap) {
    return cap == null || cap.ordinal() <= ordinal() ? this : cap;
  }

  /** True when this grade is worse than {@code other}. */
  public boolean worseThan(Grade other) {
    return ordinal() > other.ordinal();
  }
}
