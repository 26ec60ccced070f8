package io.cexsafe.facts;

/** How a control is offered, strongest first. */
public enum ControlAvailability {
  MANDATORY,
  DEFAULT_ON,
  OPTIONAL,
  NOT_OFFERED;

  public boolean offered() {
    return this != NOT_OFFERED;
  }
}
