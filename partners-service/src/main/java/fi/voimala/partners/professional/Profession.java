package fi.voimala.partners.professional;

/** Professions in the network, each belonging to one field. */
public enum Profession {
    MUSIC_PEDAGOGUE(Field.ARTS_AND_CULTURE),
    MUSICIAN(Field.ARTS_AND_CULTURE),
    DANCER(Field.ARTS_AND_CULTURE),
    DANCE_PEDAGOGUE(Field.ARTS_AND_CULTURE),
    VISUAL_ARTIST(Field.ARTS_AND_CULTURE),
    THEATRE_ARTIST(Field.ARTS_AND_CULTURE),
    CULTURAL_INSTRUCTOR(Field.ARTS_AND_CULTURE),
    NURSE(Field.SOCIAL_AND_HEALTH),
    PRACTICAL_NURSE(Field.SOCIAL_AND_HEALTH),
    PHYSIOTHERAPIST(Field.SOCIAL_AND_HEALTH),
    OCCUPATIONAL_THERAPIST(Field.SOCIAL_AND_HEALTH),
    SOCIAL_INSTRUCTOR(Field.SOCIAL_AND_HEALTH),
    GERONOMIST(Field.SOCIAL_AND_HEALTH),
    SOCIAL_WORKER(Field.SOCIAL_AND_HEALTH),
    TEACHER(Field.EDUCATION),
    LECTURER(Field.EDUCATION);

    private final Field field;

    Profession(Field field) {
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
