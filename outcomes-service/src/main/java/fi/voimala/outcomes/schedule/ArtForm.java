package fi.voimala.outcomes.schedule;

/** The art forms of a series: the same values as scheduling-service's ArtForm. */
public enum ArtForm {
    MUSIC,
    DANCE,
    VISUAL_ARTS,
    DRAMA,
    LITERATURE,
    PHOTOGRAPHY,
    CRAFTS
}
