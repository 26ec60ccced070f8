package io.cexsafe.facts;

/** How a control is offered, strongest first. */
public enum ControlAvailability {
  /** Every account has it, and it cannot be turned off. */
  MANDATORY,
  /** On for new accounts; users may turn it off. */
  DEFAULT_ON,
  /** Offered; users must turn it on. */
  OPTIONAL,
  /** Not offered. */
  NOT_OFFERED;

  /** {@return whether users can have the control at all} */
  public boolean offered() {
    return this != NOT_OFFERED;
  }
}
