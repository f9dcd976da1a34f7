package fi.voimala.partners.professional;

/** A professional's field. A pair joins ARTS_AND_CULTURE with SOCIAL_AND_HEALTH or EDUCATION. */
public enum Field {
    ARTS_AND_CULTURE, SOCIAL_AND_HEALTH, EDUCATION
}
