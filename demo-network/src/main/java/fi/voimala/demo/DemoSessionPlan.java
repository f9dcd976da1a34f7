package fi.voimala.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every choice about the demo's participants and session records, made from demo-network.json alone ({@code sessions}
 * and the groups, sites, professionals and series it refers to): who is enrolled in a series, who comes to which
 * session, who of the care staff is there, what was done and seen. Choices depend only on the group's name and the
 * visit's ordinal, never on a random generator, so that every load of the demo wants the same things.
 */
final class DemoSessionPlan {

    static final String PARTICIPATION = "PARTICIPATION";
    static final String MEASUREMENTS = "MEASUREMENTS";
    static final String RESEARCH_USE = "RESEARCH_USE";
    /** The method's participants per series: at least this many, at most four more (and never more than the group). */
    static final int FEWEST_PARTICIPANTS = 5;

    private final JsonNode demo;
    private final JsonNode sessions;
    private final Map<String, JsonNode> groupsByName = new HashMap<>();
    private final Map<String, JsonNode> sitesByName = new HashMap<>();

    DemoSessionPlan(JsonNode demo) {
        this.demo = demo;
        this.sessions = demo.get("sessions");
        demo.get("groups").forEach(g -> groupsByName.put(g.get("name").asText(), g));
        demo.get("sites").forEach(s -> sitesByName.put(s.get("name").asText(), s));
    }

    /** A participant to enrol: the natural key the loader matches existing participants by is all of it. */
    record Participant(String yearOfBirthBand, String gender, String givenBy, LocalDate givenOn, List<String> covers) {

        String key() {
            return String.join("|", yearOfBirthBand, gender, givenBy, givenOn.toString(),
                    String.join(",", covers.stream().sorted().toList()));
        }
    }

    /** What one session record says, apart from the visit's own times and the participants' codes. */
    record Session(boolean held, String notHeldReason, List<Integer> present, int extraAttendees, boolean staffPresent,
                   int otherStaffCount, List<String> artForms, List<String> methods, String observations,
                   String reflection) {
    }

    /** The series' participants in enrolment order; {@code firstVisit} is the series' first session's date. */
    List<Participant> participants(String group, LocalDate firstVisit) {
        JsonNode settings = sessions.get("participants");
        JsonNode bands = settings.get("yearOfBirthBands");
        JsonNode genders = settings.get("genders");
        boolean representatives = needs(group, settings.get("legalRepresentativeForNeed").asText());
        int count = Math.min(groupOf(group).get("size").asInt(), FEWEST_PARTICIPANTS + choice(group, 0, 0, 4));
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> covers = i % 4 == 3 ? List.of(PARTICIPATION, MEASUREMENTS)
                    : List.of(PARTICIPATION, MEASUREMENTS, RESEARCH_USE);
            participants.add(new Participant(
                    bands.get(choice(group, i + 1, 0, bands.size())).asText(),
                    genders.get((i + choice(group, 0, 1, genders.size())) % genders.size()).asText(),
                    representatives && i % 3 == 1 ? "LEGAL_REPRESENTATIVE" : "PERSON",
                    firstVisit.minusDays(settings.get("consentDaysBeforeFirstVisit").asInt() + i),
                    covers));
        }
        return participants;
    }

    /** The session of the series' visit with this ordinal (1 = the series' first). */
    Session session(String group, List<String> artForms, int participants, int ordinal) {
        JsonNode notHeld = sessions.get("notHeld");
        if (notHeld.get("group").asText().equals(group) && notHeld.get("ordinal").asInt() == ordinal) {
            return new Session(false, notHeld.get("reason").asText(), List.of(), 0, false, 0, List.of(), List.of(),
                    null, null);
        }
        JsonNode rates = sessions.get("participants").get("attendancePercent");
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            if (choice(group, i + 1, ordinal, 100) < rates.get(i % rates.size()).asInt()) {
                present.add(i);
            }
        }
        if (present.isEmpty() && participants > 0) {
            present.add(0); // a held session had someone there: the most regular one
        }
        JsonNode observations = sessions.get("observations");
        JsonNode reflections = sessions.get("reflections");
        return new Session(true, null, present, choice(group, 101, ordinal, 3), choice(group, 102, ordinal, 2) == 0,
                1 + choice(group, 103, ordinal, 3), artForms, methods(artForms, ordinal),
                observations.get(choice(group, 104, ordinal, observations.size())).asText(),
                reflections.get(choice(group, 105, ordinal, reflections.size())).asText());
    }

    /** One method of each art form, in turn from session to session; the first art form's next one too on even ones. */
    List<String> methods(List<String> artForms, int ordinal) {
        List<String> methods = new ArrayList<>();
        for (String artForm : artForms) {
            JsonNode fitting = sessions.get("methods").get(artForm);
            if (fitting == null) {
                throw new IllegalStateException("demo-network.json: no methods for the art form " + artForm);
            }
            String method = fitting.get(ordinal % fitting.size()).asText();
            if (!methods.contains(method)) {
                methods.add(method);
            }
        }
        JsonNode first = sessions.get("methods").get(artForms.get(0));
        String another = first.get((ordinal + 1) % first.size()).asText();
        if (ordinal % 2 == 0 && !methods.contains(another)) {
            methods.add(another);
        }
        return methods;
    }

    /**
     * The care professional (e-mail) who may join the series' sessions as staff: of the site's organisation, not of the
     * pair, and with no series of their own at an overlapping time on that weekday. Empty when nobody is.
     */
    Optional<String> staff(JsonNode series) {
        String organisation = siteOf(series.get("group").asText()).get("organisation").asText();
        for (JsonNode professional : demo.get("professionals")) {
            String email = professional.get("email").asText();
            if (professional.get("organisation").asText().equals(organisation)
                    && professional.get("field").asText().equals("SOCIAL_AND_HEALTH")
                    && !email.equals(series.get("arts").asText()) && !email.equals(series.get("care").asText())
                    && isFree(email, series)) {
                return Optional.of(email);
            }
        }
        return Optional.empty();
    }

    /** The group of the participant who withdraws research use. */
    String withdrawalGroup() {
        return sessions.get("withdrawal").get("group").asText();
    }

    /** That participant's index in the group's {@link #participants} (enrolment order). */
    int withdrawalParticipant() {
        return sessions.get("withdrawal").get("participant").asInt();
    }

    /** What the withdrawal says: {@code daysAfterFirstVisit} (its date), {@code covers}, {@code note}. */
    JsonNode withdrawal() {
        return sessions.get("withdrawal");
    }

    private boolean isFree(String email, JsonNode series) {
        for (JsonNode other : demo.get("series")) {
            boolean theirs = other.get("arts").asText().equals(email) || other.get("care").asText().equals(email);
            if (theirs && overlap(other, series)) {
                return false;
            }
        }
        return true;
    }

    /** Whether two series meet on the same weekday at overlapping times (every other week counted as every week). */
    static boolean overlap(JsonNode a, JsonNode b) {
        if (!a.get("weekday").asText().equals(b.get("weekday").asText())) {
            return false;
        }
        LocalTime aStart = LocalTime.parse(a.get("startTime").asText());
        LocalTime bStart = LocalTime.parse(b.get("startTime").asText());
        LocalTime aEnd = aStart.plusMinutes(a.get("durationMinutes").asInt());
        LocalTime bEnd = bStart.plusMinutes(b.get("durationMinutes").asInt());
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private boolean needs(String group, String need) {
        for (JsonNode n : groupOf(group).get("needs")) {
            if (n.asText().equals(need)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode groupOf(String group) {
        JsonNode found = groupsByName.get(group);
        if (found == null) {
            throw new IllegalStateException("demo-network.json: no group " + group);
        }
        return found;
    }

    private JsonNode siteOf(String group) {
        return sitesByName.get(groupOf(group).get("site").asText());
    }

    /**
     * A choice among {@code options} (0 to options - 1) that depends only on the group and two numbers: String's hash
     * (specified by the JDK, the same on every run) mixed by MurmurHash3's finaliser, so neighbouring numbers give
     * unrelated choices.
     */
    static int choice(String group, int a, int b, int options) {
        int h = group.hashCode();
        h = 31 * h + a;
        h = 31 * h + b;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, options);
    }
}
