package fi.voimala.sessions.audit.service;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.sessions.audit.AuditAction;
import fi.voimala.sessions.audit.AuditEntry;
import fi.voimala.sessions.audit.api.AuditApi.AuditEntryView;
import fi.voimala.sessions.audit.repository.AuditEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** Reading the audit log (coordinators only; the resource checks the role): who did what with whose data, newest first. */
@ApplicationScoped
public class AuditQuery {

    public static final Map<String, String> SORTABLE = Map.of("at", "position");
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Inject
    AuditEntryRepository entries;

    /** {@code from}/{@code to}: Helsinki dates, both included. */
    public record Criteria(UUID participantId, UUID seriesId, String actor, String actorOrganisation, AuditAction action,
                           LocalDate from, LocalDate to) {
    }

    @WithSession
    public Uni<Page<AuditEntryView>> list(Criteria criteria, PageRequest page) {
        Filter filter = new Filter()
                // An array parameter: it is bound as uuid[] like the column (a single UUID inside array[...] went as text).
                .where("array_includes(participantIds, :participant)", "participant",
                        criteria.participantId() == null ? null : new UUID[] {criteria.participantId()})
                .where("seriesId = :series", "series", criteria.seriesId())
                .where("actor = :actor", "actor", criteria.actor())
                .where("actorOrganisation = :organisation", "organisation", criteria.actorOrganisation())
                .where("action = :action", "action", criteria.action() == null ? null : criteria.action().name())
                .where("at >= :from", "from", criteria.from() == null ? null
                        : criteria.from().atStartOfDay(HELSINKI).toInstant())
                .where("at < :to", "to", criteria.to() == null ? null
                        : criteria.to().plusDays(1).atStartOfDay(HELSINKI).toInstant());
        return Page.fetch(entries.find(filter.query(), page.toSort(), filter.parameters()), page, AuditQuery::view);
    }

    static AuditEntryView view(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.at, entry.actor, entry.actorSubject, entry.actorOrganisation,
                Arrays.asList(entry.actorRoles), entry.action, entry.endpoint, Arrays.asList(entry.participantIds),
                entry.seriesId, entry.detail);
    }
}
