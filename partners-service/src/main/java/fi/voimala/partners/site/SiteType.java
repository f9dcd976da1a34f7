package fi.voimala.partners.site;

/** Kinds of places where activity groups meet. A HOSPITAL_WARD has its hospital's ward code. */
public enum SiteType {
    SENIOR_HOUSE, SERVICE_HOUSING_UNIT, DAY_CENTRE, RESPITE_CARE_UNIT, HOME_CARE_MEETING_ROOM, HOSPITAL_WARD
}
