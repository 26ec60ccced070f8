package io.cexsafe.facts;

/** Ways users can reach support. */
public enum SupportChannelType {
  LIVE_CHAT,
  EMAIL,
  PHONE,
  TICKET,
  HELP_CENTRE,
  SOCIAL_MEDIA,
  COMMUNITY
}
