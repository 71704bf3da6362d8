package org.lifeos.identity.partner;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.lifeos.platform.error.Problem;

/**
 * Where Keycloak may send a user back with an authorization code. Only exact, absolute https URLs,
 * or http to the loopback address of a native app (RFC 8252 section 7.3); never a fragment
 * (RFC 6749 section 3.1.2), user info, or a wildcard, which Keycloak would otherwise honour as a
 * prefix match.
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUris() {
    }

    /** Why {@code uri} is refused, or empty when it is fine. */
    public static Optional<String> problem(String uri) {
        if (uri.contains("*")) {
            return Optional.of("must not contain a wildcard");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URI");
        }
        if (!parsed.isAbsolute() || parsed.getHost() == null || parsed.getHost().isBlank()) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (parsed.getRawFragment() != null || uri.contains("#")) {
            return Optional.of("must not have a fragment");
        }
        if (parsed.getRawUserInfo() != null) {
            return Optional.of("must not carry user info");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        String host = parsed.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && LOOPBACK.contains(host)) {
            return Optional.empty();
        }
        return Optional.of("must use https (http only to localhost or 127.0.0.1)");
    }

    /** The field errors of a list, each naming {@code redirectUris[i]}. */
    public static List<Problem.FieldError> problems(List<String> uris) {
        List<Problem.FieldError> problems = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            String field = "redirectUris[" + i + "]";
            problem(uris.get(i)).ifPresent(p -> problems.add(new Problem.FieldError(field, p)));
        }
        return problems;
    }
}
