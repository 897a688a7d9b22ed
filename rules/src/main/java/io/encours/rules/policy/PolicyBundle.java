package io.encours.rules.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The source files of a policy, by file name: manifest, decision tables (.drl.xlsx, .drl.csv), DRL rules,
 * parameters, reason codes and scenarios. Immutable. Its content hash is the SHA-256 over the sorted
 * file names and bytes, so two bundles with the same files have the same hash wherever they come from.
 */
public final class PolicyBundle {
    public static final String MANIFEST = "manifest.properties";

    private final Map<String, byte[]> files;

    private PolicyBundle(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        this.files = Collections.unmodifiableMap(copy);
    }

    public static PolicyBundle of(Map<String, byte[]> files) {
        return new PolicyBundle(files);
    }

    /** Reads every regular file directly inside {@code dir}. */
    public static PolicyBundle fromDirectory(Path dir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")
                        && !p.getFileName().toString().startsWith("~$")) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read policy folder " + dir, e);
        }
        return new PolicyBundle(files);
    }

    /** Reads a bundle from the class path: {@code folder/manifest.properties} and the files it lists. */
    public static PolicyBundle fromClasspath(String folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] manifest = resource(folder + "/" + MANIFEST);
        if (manifest == null) {
            throw new IllegalArgumentException("No policy manifest at classpath:" + folder + "/" + MANIFEST);
        }
        files.put(MANIFEST, manifest);
        for (String name : PolicyManifest.listedFiles(new String(manifest, StandardCharsets.UTF_8))) {
            byte[] bytes = resource(folder + "/" + name);
            if (bytes != null) {
                files.put(name, bytes);
            }
        }
        return new PolicyBundle(files);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PolicyBundle.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of this bundle with one file added or replaced. */
    public PolicyBundle with(String name, byte[] content) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.put(name, content);
        return new PolicyBundle(copy);
    }

    /** A copy of this bundle without the named file. */
    public PolicyBundle without(String name) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.remove(name);
        return new PolicyBundle(copy);
    }

    public Map<String, byte[]> files() {
        Map<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return copy;
    }

    public boolean has(String name) {
        return files.containsKey(name);
    }

    public byte[] bytes(String name) {
        byte[] b = files.get(name);
        return b == null ? null : b.clone();
    }

    public String text(String name) {
        byte[] b = files.get(name);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the bundle's files into {@code dir} (created if needed). */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
