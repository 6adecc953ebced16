package kr.fm.arrears.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example files shipped under docs/examples, the ones the README walks through. */
public final class Examples {

    private Examples() {}

    public static byte[] leases() {
        return read("leases.csv");
    }

    public static byte[] payments() {
        return read("payments.csv");
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(Path.of("docs/examples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
