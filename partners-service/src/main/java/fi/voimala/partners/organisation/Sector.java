package fi.voimala.partners.organisation;

/** The sectors a partner organisation works in (an organisation may have several). */
public enum Sector {
    ARTS_AND_CULTURE, SOCIAL_AND_HEALTH, EDUCATION, RESEARCH, TECHNOLOGY, THIRD_SECTOR, MUNICIPALITY
}
