package fi.voimala.scheduling.group;

/** What the pair must plan for in a group: reduced mobility, hearing or vision, memory disorders. */
public enum Need {
    MOBILITY,
    HEARING,
    VISION,
    MEMORY
}
