package dev.vedns.routing;

import java.net.InetAddress;
import java.util.List;

/** The field rules of one server's description, shared by PUT /servers/{name} and whole-state imports. */
final class ServerFields {

    /** What the fields say, as far as they could be read; broken fields are reported, not thrown. */
    record Parsed(ReplicationRole role, String source, List<InetAddress> addresses, ServerProbe probe) {
    }

    private ServerFields() {
    }

    static Parsed check(String roleText, String sourceText, List<String> addressTexts, RoutingCommand.ProbeText probe,
                        List<FieldError> errors) {
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
        return new Parsed(role, source, AddressLiterals.parseList("addresses", addressTexts, errors),
                probe(probe, errors));
    }

    /** A probe of the given type (required once a probe is named) on a port that TCP can use, or the default. */
    private static ServerProbe probe(RoutingCommand.ProbeText probe, List<FieldError> errors) {
        if (probe == null) {
            return null;
        }
        ProbeType type = Choices.parseOr(ProbeType.class, "probe.type", probe.type(), null, errors);
        Integer port = probe.port();
        if (port != null && (port < 1 || port > 65535)) {
            errors.add(new FieldError("probe.port", "range", "probe.port " + port + " is not a TCP port (1-65535)."));
        }
        return new ServerProbe(type, port);
    }
}
