package fi.voimala.scheduling.series;

/** The art forms a series' workshops use. */
public enum ArtForm {
    MUSIC,
    DANCE,
    VISUAL_ARTS,
    DRAMA,
    LITERATURE,
    PHOTOGRAPHY,
    CRAFTS
}
