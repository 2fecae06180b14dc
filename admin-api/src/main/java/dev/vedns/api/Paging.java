package dev.vedns.api;

import dev.vedns.routing.FieldError;
import dev.vedns.routing.RoutingException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code ?limit}, {@code ?after} and {@code ?prefix} of a list sorted by name: the names that start with the
 * prefix, after the given one, at most {@code limit} of them; with a limit, a {@code Link: <…>; rel="next"}
 * header while more remain. The cursor is a name, not an offset, so a change between two pages neither repeats
 * nor skips an item that was there all along. Without a limit the whole (filtered) list is answered, as before.
 *
 * @param limit  1 to {@value #MOST}, or null for all
 * @param after  the last name of the previous page, or null
 * @param prefix what every name must start with, or null
 */
public record Paging(Integer limit, String after, String prefix) {

    public static final int MOST = 1000;

    /** The query's paging, refused (naming the field) when {@code limit} is out of range. */
    public static Paging of(Integer limit, String after, String prefix) {
        if (limit != null && (limit < 1 || limit > MOST)) {
            throw RoutingException.invalid(List.of(new FieldError("limit", "range",
                    "limit must be from 1 to " + MOST + ", not " + limit + ".")));
        }
        return new Paging(limit, after, prefix);
    }

    /**
     * The page of {@code sorted} (ascending by {@code name}) that this asks for, of the items {@code shown}
     * admits, rendered, with the link to the next page when there is one.
     */
    public <T, R> MutableHttpResponse<List<R>> respond(HttpRequest<?> request, List<T> sorted, Function<T, String> name,
                                                      Predicate<T> shown, Function<T, R> render) {
        List<R> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (int i = firstIndex(sorted, name); i < sorted.size(); i++) {
            T item = sorted.get(i);
            String itemName = name.apply(item);
            if (prefix != null && !itemName.startsWith(prefix)) {
                break;
            }
            if (!shown.test(item)) {
                continue;
            }
            if (limit != null && page.size() == limit) {
                more = true;
                break;
            }
            page.add(render.apply(item));
            last = itemName;
        }
        MutableHttpResponse<List<R>> response = HttpResponse.ok(page);
        if (more) {
            response.header("Link", "<" + request.getPath() + "?limit=" + limit + "&after=" + encode(last)
                    + (prefix == null ? "" : "&prefix=" + encode(prefix)) + ">; rel=\"next\"");
        }
        return response;
    }

    /** The first index whose name comes after {@code after} and not before {@code prefix}: a binary search. */
    private <T> int firstIndex(List<T> sorted, Function<T, String> name) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            String candidate = name.apply(sorted.get(middle));
            boolean before = after != null && candidate.compareTo(after) <= 0
                    || prefix != null && candidate.compareTo(prefix) < 0;
            if (before) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
