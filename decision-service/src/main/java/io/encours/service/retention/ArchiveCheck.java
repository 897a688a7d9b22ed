package io.encours.service.retention;

import io.encours.service.audit.AuditChain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an archive back as an outsider would: the file's SHA-256, then each line's content hash and link from
 * the manifest's anchor, in order, with no gap. What {@code docs/tools/ArchiveVerify.java} does offline, here
 * with the service's own canonical JSON ({@link AuditChain}) over the parsed lines.
 */
final class ArchiveCheck {
    private final JsonMapper json;

    ArchiveCheck(JsonMapper json) {
        this.json = json;
    }

    /** Null when the file matches the manifest, else what is wrong (the first problem). */
    String problemOf(Path file, ArchiveManifest manifest) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "the archive file " + file + " is missing";
        }
        String digest = fileSha256(file);
        if (!digest.equals(manifest.sha256())) {
            return "the file's SHA-256 is " + digest + ", the manifest says " + manifest.sha256();
        }
        long expected = manifest.firstSeq();
        String previous = manifest.anchorHash();
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 64 * 1024),
                     StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                @SuppressWarnings("unchecked")
                Map<String, Object> record = json.readValue(line, Map.class);
                Object seq = record.get(AuditChain.SEQ);
                if (!(seq instanceof Number n) || n.longValue() != expected) {
                    return "line " + lines + ": chainSeq " + seq + " where " + expected + " was expected";
                }
                if (!Objects.equals(previous, record.get(AuditChain.PREV_HASH))) {
                    return "line " + lines + ": record " + expected + " does not link to the one before it";
                }
                String hash = AuditChain.link(previous, expected, AuditChain.contentHashOf(record));
                if (!hash.equals(record.get(AuditChain.HASH))) {
                    return "line " + lines + ": record " + expected + " does not match its hash";
                }
                previous = hash;
                expected++;
            }
        }
        if (lines != manifest.records() || expected - 1 != manifest.lastSeq()) {
            return lines + " records where the manifest says " + manifest.records();
        }
        return previous.equals(manifest.lastHash()) ? null
                : "the last hash is " + previous + ", the manifest says " + manifest.lastHash();
    }

    static String fileSha256(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
