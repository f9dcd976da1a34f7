package fi.voimala.partners.professional;

/** Participatory art methods a professional works with. */
public enum Method {
    SINGING, INSTRUMENTAL_MUSIC, MUSIC_LISTENING, RHYTHM, MOVEMENT, DANCE, PAINTING, DRAWING, CRAFTS,
    PHOTOGRAPHY, STORYTELLING, DRAMA, POETRY, REMINISCENCE
}
