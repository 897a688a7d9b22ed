import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Verifies an Encours audit archive offline, with nothing but a JDK (17 or later):
 *
 * <pre>java ArchiveVerify.java decisions-2026-06.jsonl.gz [decisions-2026-06.manifest.json]</pre>
 *
 * Recomputes each record's content hash (SHA-256 of its canonical JSON without chainSeq, prevHash, hash and
 * contentHash) and its link (SHA-256 of prevHash:chainSeq:contentHash), from the manifest's anchor hash, and
 * checks that chain numbers follow each other with no gap, then the record count, the last hash and the file's
 * SHA-256 against the manifest (found next to the archive when not given). Without a manifest, the chain is
 * checked from the first record's prevHash. Exit status 0 when all holds, 1 at the first problem (printed).
 * The recipe: docs/audit.md, "The hash recipe".
 */
public class ArchiveVerify {
    private static final String GENESIS = "0".repeat(64);

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java ArchiveVerify.java <archive.jsonl.gz> [<manifest.json>]");
            System.exit(2);
        }
        Path archive = Path.of(args[0]);
        Path manifestFile = args.length == 2 ? Path.of(args[1])
                : archive.resolveSibling(archive.getFileName().toString().replaceFirst("\\.jsonl\\.gz$", "")
                        + ".manifest.json");
        Map<String, Object> manifest = Files.exists(manifestFile)
                ? object(new Parser(Files.readString(manifestFile, StandardCharsets.UTF_8)).value()) : null;
        String sha256 = fileSha256(archive);
        if (manifest != null && !sha256.equals(manifest.get("sha256"))) {
            fail("the file's SHA-256 is " + sha256 + ", the manifest says " + manifest.get("sha256"));
        }
        String previous = manifest == null ? null : (String) manifest.get("anchorHash");
        long expected = manifest == null ? -1 : Long.parseLong(String.valueOf(manifest.get("firstSeq")));
        long first = expected;
        String anchor = previous;
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(archive), 65536), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                Map<String, Object> record = object(new Parser(line).value());
                long seq = Long.parseLong(String.valueOf(record.get("chainSeq")));
                if (expected < 0) {
                    expected = seq;
                    first = seq;
                    previous = (String) record.get("prevHash");
                    anchor = previous;
                }
                if (seq != expected) {
                    fail("line " + lines + ": chainSeq " + seq + " where " + expected + " was expected (a record is missing or out of order)");
                }
                if (!previous.equals(record.get("prevHash"))) {
                    fail("line " + lines + ": record " + seq + " does not link to the record before it (prevHash)");
                }
                TreeMap<String, Object> content = new TreeMap<>(record);
                content.keySet().removeAll(List.of("chainSeq", "prevHash", "hash", "contentHash"));
                StringBuilder canonical = new StringBuilder(4096);
                write(content, canonical);
                String hash = sha256(previous + ":" + seq + ":" + sha256(canonical.toString()));
                if (!hash.equals(record.get("hash"))) {
                    fail("line " + lines + ": record " + seq + " (" + record.get("_id") + ") does not match its hash: altered");
                }
                previous = hash;
                expected++;
            }
        }
        if (manifest != null) {
            long records = Long.parseLong(String.valueOf(manifest.get("records")));
            if (lines != records) {
                fail(lines + " records where the manifest says " + records);
            }
            if (!String.valueOf(previous).equals(manifest.get("lastHash"))) {
                fail("the last hash is " + previous + ", the manifest says " + manifest.get("lastHash"));
            }
        }
        System.out.println("OK " + lines + " records, chainSeq " + first + ".." + (expected - 1) + ", anchor "
                + (GENESIS.equals(anchor) ? "genesis (" + anchor + ")" : anchor) + ", last hash " + previous
                + ", file SHA-256 " + sha256 + (manifest == null ? " (no manifest: anchor taken from the first record)"
                : ", matches " + manifestFile.getFileName()));
    }

    private static void fail(String problem) {
        System.out.println("FAILED " + problem);
        System.exit(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static String fileSha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Canonical JSON: keys sorted, no spaces, only what JSON requires escaped, numbers as they were written. */
    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof Raw r) {
            out.append(r.text);
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<>((Map<String, Object>) m).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        }
    }

    /** A number, true or false, kept as written. */
    private record Raw(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A small JSON parser: objects, arrays, strings, and numbers and literals kept as their text. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new TreeMap<>();
                at++;
                skipSpace();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.put(key, value());
                    skipSpace();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skipSpace();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skipSpace();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String token = text.substring(start, at);
            return token.equals("null") ? null : new Raw(token);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("'" + c + "' expected at " + at);
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
