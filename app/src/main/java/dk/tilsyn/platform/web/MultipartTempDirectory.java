package dk.tilsyn.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the directory the servlet container writes multipart uploads to ({@code spring.servlet.multipart.location})
 * at start: Tomcat refuses every upload when it is missing, and the default (the JVM's temporary directory) may be a
 * small RAM disk, too small for a 2 GB extract.
 */
@Component
class MultipartTempDirectory {

    MultipartTempDirectory(@Value("${spring.servlet.multipart.location:}") String location) {
        if (!location.isBlank()) {
            try {
                Files.createDirectories(Path.of(location));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the upload directory " + location, e);
            }
        }
    }
}
