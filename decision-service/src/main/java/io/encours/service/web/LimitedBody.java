package io.encours.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.LongFunction;

/** A request body read whole, refused once it passes its limit (a declared length is refused before reading). */
public final class LimitedBody {
    private LimitedBody() {
    }

    /** The body's bytes; {@code tooLarge} gives the problem of a body over {@code maxBytes}. */
    public static byte[] read(HttpServletRequest request, long maxBytes, LongFunction<ProblemException> tooLarge) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge.apply(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] read = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (read.length > maxBytes) {
                throw tooLarge.apply(maxBytes);
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
