package fi.voimala.scheduling.calendar;

/** How often a series meets. */
public enum Frequency {
    WEEKLY(7),
    EVERY_OTHER_WEEK(14);

    private final int days;

    Frequency(int days) {
        this.days = days;
    }

    /** Days from one meeting to the next; calendar days, so a DST change does not shift the local time. */
    public int days() {
        return days;
    }
}
