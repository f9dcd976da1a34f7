package fi.voimala.outcomes.schedule;

/** Whom an activity group's workshops are for: the same values as scheduling-service's TargetGroup. */
public enum TargetGroup {
    HOME_DWELLING_ELDERLY,
    DAY_GROUP_CLIENTS,
    HOUSING_UNIT_RESIDENTS,
    SENIOR_HOUSE_RESIDENTS,
    RESPITE_CARE_RESIDENTS,
    WARD_PATIENTS
}
