package org.lifeos.finance.importing;

import java.util.ArrayList;
import java.util.List;

import org.lifeos.platform.error.ProblemException;

/**
 * RFC 4180 CSV: fields separated by {@code delimiter}, optionally in double quotes (a quote inside
 * doubled, delimiters and line breaks allowed inside). Each record remembers the line it starts on,
 * so that an error names the line a person sees in the file. An unterminated quote is a 400.
 */
final class CsvReader {

    record Record(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    static List<Record> read(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                if (!(fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted)) {
                    records.add(new Record(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                line++;
                recordLine = line;
            } else if (wasQuoted) {
                throw ProblemException.badField("csv", "line " + line + ": text after a closing quote");
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw ProblemException.badField("csv", "line " + recordLine + ": a quoted field is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
