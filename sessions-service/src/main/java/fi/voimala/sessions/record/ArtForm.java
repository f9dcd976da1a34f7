package fi.voimala.sessions.record;

/** The art forms a session used: the same values as scheduling-service's ArtForm (a series' planned art forms). */
public enum ArtForm {
    MUSIC,
    DANCE,
    VISUAL_ARTS,
    DRAMA,
    LITERATURE,
    PHOTOGRAPHY,
    CRAFTS
}
