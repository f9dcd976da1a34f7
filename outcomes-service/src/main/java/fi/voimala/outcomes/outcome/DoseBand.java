package fi.voimala.outcomes.outcome;

import java.util.List;

/** Bands of held sessions a participant attended (the dose), as outcomes are broken down by them. */
public final class DoseBand {

    /** In order; V2__dose_kept_incrementally.sql names the same. */
    public static final List<String> ALL = List.of("0-4", "5-9", "10-14", "15+");

    private DoseBand() {
    }

    public static String of(int sessionsAttended) {
        return ALL.get(Math.min(Math.max(sessionsAttended, 0) / 5, ALL.size() - 1));
    }
}
