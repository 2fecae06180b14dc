package dev.vedns.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One column of table and TSV output: its header and the dotted path of its value in each JSON row. */
record Column(String header, String path) {

    /** The cell text: lists joined with commas, nested objects by their path, missing values empty. */
    String cell(Object row) {
        Object value = row;
        for (String key : path.split("\\.")) {
            value = value instanceof Map<?, ?> object ? object.get(key) : null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? "" : value.toString();
    }
}
