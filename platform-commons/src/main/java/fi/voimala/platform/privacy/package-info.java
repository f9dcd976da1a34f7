/**
 * Keeping personal identity out: the platform stores no names or personal identity codes, so every service that takes
 * free text refuses a henkilötunnus in it the same way ({@link fi.voimala.platform.privacy.NoPersonalIdentityCode},
 * rule {@code no-personal-identity-code}).
 */
package fi.voimala.platform.privacy;
