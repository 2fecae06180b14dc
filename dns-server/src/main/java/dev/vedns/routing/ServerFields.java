package dev.vedns.routing;

import java.net.InetAddress;
import java.util.List;

/** The field rules of one server's description, shared by PUT /servers/{name} and whole-state imports. */
final class ServerFields {

    /** What the fields say, as far as they could be read; broken fields are reported, not thrown. */
    record Parsed(ReplicationRole role, String source, List<InetAddress> addresses) {
    }

    private ServerFields() {
    }

    static Parsed check(String roleText, String sourceText, List<String> addressTexts, List<FieldError> errors) {
        ReplicationRole role = Choices.parseOr(ReplicationRole.class, "replicationRole", roleText, null, errors);
        String source = sourceText == null || sourceText.isBlank() ? null : sourceText;
        if (role == ReplicationRole.AsyncReplica && source == null) {
            errors.add(new FieldError("sourceServerName", "required",
                    "sourceServerName is required for an AsyncReplica: name its primary."));
        }
        if (role == ReplicationRole.Primary && source != null) {
            errors.add(new FieldError("sourceServerName", "absentForPrimary",
                    "sourceServerName must not be given for a Primary."));
        }
        return new Parsed(role, source, AddressLiterals.parseList("addresses", addressTexts, errors));
    }
}
