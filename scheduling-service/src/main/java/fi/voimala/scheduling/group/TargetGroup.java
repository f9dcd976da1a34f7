package fi.voimala.scheduling.group;

/** Whom a group's workshops are for: the Takuulla method's target groups. */
public enum TargetGroup {
    HOME_DWELLING_ELDERLY,
    DAY_GROUP_CLIENTS,
    HOUSING_UNIT_RESIDENTS,
    SENIOR_HOUSE_RESIDENTS,
    RESPITE_CARE_RESIDENTS,
    WARD_PATIENTS
}
