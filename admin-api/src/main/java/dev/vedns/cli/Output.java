package dev.vedns.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an API answer in the chosen format: {@code json} as the API sent it (pretty), {@code table} with a
 * header for people, {@code tsv} with no header and tabs between the same columns, for scripts (as az does).
 */
final class Output {

    private final PrintWriter out;
    private final Format format;
    private boolean headerPrinted;

    Output(PrintWriter out, Format format) {
        this.out = out;
        this.format = format;
    }

    /** A list prints one row per item, anything else one row. */
    void print(Object value, List<Column> columns) {
        if (format == Format.json) {
            out.println(Json.pretty(value));
        } else {
            rows(value instanceof List<?> list ? list : List.of(value), columns);
        }
        out.flush();
    }

    /**
     * Rows that arrive one by one ({@code events --follow}): JSON becomes one compact object per line, a table
     * gets its header once.
     */
    void stream(Object item, List<Column> columns) {
        if (format == Format.json) {
            out.println(Json.compact(item));
        } else {
            rows(List.of(item), columns);
        }
        out.flush();
    }

    private void rows(List<?> items, List<Column> columns) {
        List<List<String>> cells = new ArrayList<>();
        for (Object item : items) {
            cells.add(columns.stream().map(column -> column.cell(item)).toList());
        }
        if (format == Format.tsv) {
            cells.forEach(row -> out.println(String.join("\t", row)));
            return;
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        if (!headerPrinted) {
            printRow(columns.stream().map(Column::header).toList(), widths);
            printRow(java.util.Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths);
            headerPrinted = true;
        }
        cells.forEach(row -> printRow(row, widths));
    }

    private void printRow(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            line.append(row.get(i));
            if (i < row.size() - 1) {
                line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
            }
        }
        out.println(line);
    }
}
