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

    /** @param prefix where the fields stand in the request, e.g. "" or "servers[3]." */
    static Parsed check(String prefix, String roleText, String sourceText, List<String> addressTexts,
                        List<FieldError> errors) {
        ReplicationRole role = Choices.parseOr(ReplicationRole.class, prefix + "replicationRole", roleText, null, errors);
        String source = sourceText == null || sourceText.isBlank() ? null : sourceText;
        if (role == ReplicationRole.AsyncReplica && source == null) {
            errors.add(new FieldError(prefix + "sourceServerName", "required",
                    prefix + "sourceServerName is required for an AsyncReplica: name its primary."));
        }
        if (role == ReplicationRole.Primary && source != null) {
            errors.add(new FieldError(prefix + "sourceServerName", "absentForPrimary",
                    prefix + "sourceServerName must not be given for a Primary."));
        }
        return new Parsed(role, source, AddressLiterals.parseList(prefix + "addresses", addressTexts, errors));
    }
}
