package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.ReasonCode;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source of a reviews collection so that a bug in it (an unexpected exception, or an Error
 * such as a class missing from a broken install) costs that source alone: it becomes an {@link
 * ReasonCode#INTERNAL_ERROR} problem and the other sources still report.
 */
final class Isolated {
  private static final Logger LOG = LoggerFactory.getLogger(Isolated.class);

  private Isolated() {}

  static <T> T run(Harvest harvest, String source, T fallback, Supplier<T> work) {
    try {
      return work.get();
    } catch (VirtualMachineError e) {
      if (!(e instanceof StackOverflowError)) {
        throw e;
      }
      return failed(harvest, source, fallback, e);
    } catch (RuntimeException | Error e) {
      return failed(harvest, source, fallback, e);
    }
  }

  private static <T> T failed(Harvest harvest, String source, T fallback, Throwable e) {
    LOG.warn(
        "reviews source '{}' failed for {}: {}", source, harvest.exchange().id(), e.toString());
    LOG.debug("reviews source failure", e);
    harvest.problem(
        source,
        ReasonCode.INTERNAL_ERROR,
        "failed unexpectedly (an internal error; run with --verbose for details); the other"
            + " sources still report",
        null);
    return fallback;
  }
}
