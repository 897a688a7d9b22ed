package io.encours.service.policy;

import io.encours.rules.policy.PolicyBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A policy's files on the wire: a version as one zip or one file to download, and what an author uploads
 * (a zip, loose files under any part names, or a mix of both) as a {@link PolicyBundle}. Unpacking applies
 * the upload limits ({@link PolicyUploadLimits}).
 */
final class PolicyArchive {
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private PolicyArchive() {
    }

    // ---- out

    /** Version {@code number} as {@code policy-<number>.zip}. */
    static ResponseEntity<byte[]> download(int number, PolicyBundle bundle) {
        return attachment("policy-" + number + ".zip", ZIP, zip(bundle));
    }

    /** One source file, typed by its extension. */
    static ResponseEntity<byte[]> download(String name, byte[] bytes) {
        return attachment(name, typeOf(name), bytes);
    }

    static byte[] zip(PolicyBundle bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static MediaType typeOf(String name) {
        String lower = name.toLowerCase();
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".drl") || lower.endsWith(".properties") || lower.endsWith(".txt")) {
            return TEXT;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    private static ResponseEntity<byte[]> attachment(String fileName, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }

    // ---- in

    /** The files of a zip by plain name, within the upload limits. */
    static PolicyBundle unzipped(byte[] zip) {
        return PolicyBundle.of(unzip(zip));
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        return PolicyUploadLimits.unzip(zip);
    }

    /** Every file part of a multipart upload, by plain name; a zip part adds the files it holds. */
    static PolicyBundle uploaded(MultipartHttpServletRequest request) {
        Map<String, byte[]> files = new TreeMap<>();
        for (MultipartFile part : parts(request)) {
            String name = plainName(part.getOriginalFilename());
            byte[] bytes = bytes(part);
            if (name.toLowerCase().endsWith(".zip")) {
                files.putAll(unzip(bytes));
            } else {
                files.put(name, bytes);
            }
        }
        return PolicyBundle.of(files);
    }

    /** The content of the one file part of a multipart request (any part name). */
    static byte[] onePart(MultipartHttpServletRequest request) {
        List<MultipartFile> parts = parts(request);
        if (parts.size() != 1) {
            throw PolicyProblems.badUpload("Send exactly one file part (got " + parts.size() + ")");
        }
        return bytes(parts.get(0));
    }

    private static List<MultipartFile> parts(MultipartHttpServletRequest request) {
        return request.getMultiFileMap().values().stream().flatMap(List::stream).toList();
    }

    private static String plainName(String original) {
        if (original == null || original.isBlank()) {
            throw PolicyProblems.badUpload("Every uploaded part needs a file name");
        }
        String name = original.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
