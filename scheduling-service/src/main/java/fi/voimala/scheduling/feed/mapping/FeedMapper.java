package fi.voimala.scheduling.feed.mapping;

import fi.voimala.scheduling.feed.CalendarFeed;
import fi.voimala.scheduling.feed.FeedEntry;
import fi.voimala.scheduling.feed.api.FeedApi.FeedView;
import fi.voimala.scheduling.feed.api.FeedApi.NewFeedView;
import fi.voimala.scheduling.partner.ProfessionalCopy;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.series.ArtForm;
import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.VisitStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A feed as the API shows it, and a visit as a calendar entry shows it. Entries are in Finnish, the language of the
 * workshops: "Taidepaja: Musiikki, tanssi – Päiväryhmä Kettulanlahti", "Peruttu: " in front when cancelled; the
 * description names the pair and the session's place in its series ("Sessio 4/20"). Status reasons are left out:
 * a feed address may end up in a shared calendar, and reasons may speak of people's health.
 */
public final class FeedMapper {

    static final Map<ArtForm, String> ART_FORMS = Map.of(
            ArtForm.MUSIC, "musiikki",
            ArtForm.DANCE, "tanssi",
            ArtForm.VISUAL_ARTS, "kuvataide",
            ArtForm.DRAMA, "teatteri",
            ArtForm.LITERATURE, "sanataide",
            ArtForm.PHOTOGRAPHY, "valokuvaus",
            ArtForm.CRAFTS, "käsityö");

    private FeedMapper() {
    }

    public static NewFeedView toNewView(CalendarFeed feed, String url) {
        return new NewFeedView(feed.id, feed.professionalId, url, feed.createdAt);
    }

    public static FeedView toView(CalendarFeed feed, ProfessionalCopy professional) {
        return new FeedView(feed.id, feed.professionalId, professional == null ? null : professional.displayName(),
                feed.createdAt, feed.revokedAt, feed.revokedAt == null);
    }

    /** The feed's title in calendar apps. */
    public static String calendarName(ProfessionalCopy professional) {
        return professional == null ? "Voimala" : "Voimala – " + professional.displayName();
    }

    /**
     * @param session the visit's place among its series' visits that are not cancelled (1 = first); ignored when cancelled
     */
    public static FeedEntry toEntry(Visit visit, Series series, String groupName, SiteCopy site, ProfessionalCopy arts,
                                    ProfessionalCopy care, int session) {
        boolean cancelled = VisitStatus.CANCELLED.name().equals(visit.status);
        String forms = artForms(series);
        String summary = (cancelled ? "Peruttu: " : "") + "Taidepaja" + (forms.isEmpty() ? "" : ": " + forms)
                + (groupName == null ? "" : " – " + groupName);
        String pair = name(arts) + " ja " + name(care);
        String description = pair + "\n" + (cancelled ? "Sessio peruttu"
                : "Sessio " + session + "/" + (series == null ? "?" : series.plannedSessions));
        return new FeedEntry(visit.id, visit.startsAt, visit.endsAt, summary, site == null ? null : site.location(),
                description, visit.sequence, cancelled, visit.updatedAt, visit.createdAt);
    }

    /** "Musiikki, tanssi": the series' art forms in their usual order, the first capitalised. */
    static String artForms(Series series) {
        if (series == null || series.artForms.length == 0) {
            return "";
        }
        String text = Arrays.stream(series.artForms).map(ArtForm::valueOf).sorted().map(ART_FORMS::get)
                .collect(Collectors.joining(", "));
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String name(ProfessionalCopy professional) {
        return professional == null ? "?" : professional.displayName();
    }
}
