package org.pgj.tooling.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.progress.Progress;

/**
 * Where {@code pgj init --download} gets PostgreSQL's source: the setting {@code PGJ_PG_SOURCE},
 * else postgresql.org. The setting is a base URL or folder laid out as postgresql.org's source
 * tree ({@code <base>/v18.6/postgresql-18.6.tar.bz2}), for a mirror, or the path of one tarball.
 */
final class PostgresSource {
    static final String SETTING = "PGJ_PG_SOURCE";
    static final String DEFAULT = "https://ftp.postgresql.org/pub/source";
    private static final Duration REPORT_EVERY = Duration.ofSeconds(3);

    private final String base;

    private PostgresSource(String base) {
        this.base = base;
    }

    static PostgresSource of(Map<String, String> env) {
        String value = env.get(SETTING);
        return new PostgresSource(value == null || value.isBlank() ? DEFAULT : value.trim());
    }

    /** The tarball itself, when the setting names one rather than a tree of releases. */
    Optional<Path> singleTarball() {
        if (base.contains("://")) {
            return Optional.empty();
        }
        Path path = Path.of(base);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** {@code <base>/v<version>/postgresql-<version>.tar.bz2} */
    URI tarball(String version) {
        String root = base.contains("://") ? base : Path.of(base).toAbsolutePath().toUri().toString();
        return URI.create(root.replaceAll("/+$", "") + "/v" + version + "/postgresql-" + version + ".tar.bz2");
    }

    /**
     * Fetches the tarball of {@code version} into {@code dir} and checks it: against the checksum
     * pgj knows, else against the {@code .sha256} file published beside it.
     */
    SourceTarball fetch(String version, Path dir, Progress p) {
        URI uri = tarball(version);
        Path target = dir.resolve("postgresql-" + version + ".tar.bz2");
        if (!Files.isRegularFile(target)) {
            download(uri, target, p);
        }
        Optional<String> known = PostgresReleases.sha256(version);
        SourceTarball tarball;
        try {
            tarball = SourceTarball.open(target);
            if (known.isEmpty()) {
                String published = new String(read(URI.create(uri + ".sha256")), StandardCharsets.UTF_8).trim().split("\\s+")[0];
                tarball.verify(published, "the checksum published at " + uri + ".sha256");
            }
        } catch (ToolException e) {
            deleteQuietly(target);
            throw e;
        }
        if (!tarball.version().equals(version)) {
            deleteQuietly(target);
            throw new ToolException(uri + " holds PostgreSQL " + tarball.version() + ", not " + version + ": fix the mirror ("
                    + SETTING + "=" + base + ")");
        }
        return tarball;
    }

    private void download(URI uri, Path target, Progress p) {
        p.step("downloading " + uri);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long start = System.nanoTime();
        try (Body body = open(uri); InputStream in = body.in(); OutputStream out = Files.newOutputStream(part)) {
            long length = body.length();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            long reported = System.nanoTime();
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                total += n;
                if (System.nanoTime() - reported > REPORT_EVERY.toNanos()) {
                    reported = System.nanoTime();
                    p.step("downloaded " + megabytes(total) + (length > 0
                            ? " of " + megabytes(length) + String.format(Locale.ROOT, " (%d%%)", total * 100 / length) : ""));
                }
            }
            out.close();
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            p.step("downloaded " + megabytes(total) + String.format(Locale.ROOT, " in %.1fs", (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            deleteQuietly(part);
            throw new ToolException("cannot download " + uri + " (" + e + "): check the network, or point " + SETTING
                    + " at a mirror or at a tarball you downloaded (or use pgj init --source TARBALL)", e);
        }
    }

    /** What a URI holds, and its length when known (-1 when not). */
    private record Body(InputStream in, long length) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Body open(URI uri) throws IOException {
        if ("file".equals(uri.getScheme())) {
            Path file = Path.of(uri);
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + " does not exist");
            }
            return new Body(Files.newInputStream(file), Files.size(file));
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return new Body(response.body(), response.headers().firstValueAsLong("Content-Length").orElse(-1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] read(URI uri) {
        try (Body body = open(uri)) {
            return body.in().readAllBytes();
        } catch (IOException e) {
            throw new ToolException("cannot read the checksum " + uri + " (" + e + "), and pgj knows none for this release: "
                    + "download the tarball and its checksum yourself, check it, and build it with pgj init --source TARBALL", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover partial download is overwritten by the next attempt
        }
    }

    @Override
    public String toString() {
        return base;
    }
}
