package fi.voimala.scheduling.group.api;

import fi.voimala.scheduling.group.Need;
import fi.voimala.scheduling.group.TargetGroup;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** What the activity group API reads and writes. */
public final class GroupApi {

    /** A plain address with one @, a name before it and a dotted domain after it (as the partner register's). */
    public static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}";
    /** Finnish or international number: digits with optional spaces or hyphens, optionally starting with +. */
    public static final String PHONE = "\\+?[0-9][0-9 -]{5,18}[0-9]";

    private GroupApi() {
    }

    /**
     * A new group, or a group's changeable fields (with the {@code version} read). {@code needs} may be empty or left
     * out. A group with series stays at its site: its series and visits are planned there.
     */
    public record GroupRequest(
            @NotNull UUID siteId,
            @NotBlank @Size(max = 200) String name,
            @NotNull TargetGroup targetGroup,
            @NotNull @Min(1) @Max(200) Integer size,
            Set<@NotNull Need> needs,
            @Size(max = 200) String contactName,
            @Pattern(regexp = PHONE, message = "must be a phone number like +358 40 123 4567 or 040 123 4567") String contactPhone,
            @Pattern(regexp = EMAIL, message = "must be an e-mail address like name@example.fi") @Size(max = 254) String contactEmail,
            Long version) {
    }

    public record GroupView(UUID id, long version, UUID siteId, String siteName, UUID organisationId, String name,
                            TargetGroup targetGroup, int size, Set<Need> needs, String contactName, String contactPhone,
                            String contactEmail) {
    }
}
