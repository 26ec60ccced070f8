package io.cexsafe.testing.example;

/** Lets the kit's self-test run the example contract test, which is package-private. */
public final class ExampleAccess {
  private ExampleAccess() {}

  public static Class<?> contractTestClass() {
    return ExampleRatingsContractTest.class;
  }
}
